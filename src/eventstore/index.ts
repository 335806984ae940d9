export { EventStoreDb, EVENT_STORE_NAME, type CommandRecord } from './eventStoreDb';
export {
  append,
  headPosition,
  streamVersion,
  type AppendMeta,
  type AppendResult,
  type ExpectedVersion,
  type StreamAppend,
} from './append';
export { ConcurrencyError } from './errors';
export { findCommand, readAll, readStream } from './read';
