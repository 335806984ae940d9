// Events written by older code keep their old shape forever; upcasting lifts them to the shape the
// current code expects as they are read. Version 1 is the only shape so far, so this is the identity.
import type { StoredEvent } from '../domain/types';

export const CURRENT_SCHEMA_VERSION = 1;

export const upcast = (event: StoredEvent): StoredEvent => event;
