import type { StoredEvent } from '../domain/types';
import type { FieldIssue } from '../domain/validation';

/** What became of a command: plain data, safe to send across the worker boundary. */
export type CommandOutcome =
  | { status: 'accepted'; commandId: string; events: StoredEvent[]; duplicate: boolean }
  | { status: 'rejected'; commandId: string; reason: string }
  | { status: 'invalid'; commandId: string | undefined; reason: string; issues: FieldIssue[] }
  /** The store could not take it (e.g. storage full); nothing of it was written. */
  | { status: 'failed'; commandId: string; reason: string };
