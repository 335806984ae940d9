export { EventStoreDb, EVENT_STORE_NAME, type EventRow } from './eventStoreDb';
export { applyInline, buildInline, clearInline, readInline } from './inline';
export {
  appendBatch,
  headPosition,
  streamVersion,
  type BatchContext,
  type CommandResult,
  type ExpectedVersion,
  type PlannedCommand,
  type StreamAppend,
} from './appendBatch';
export { append, type AppendMeta, type AppendResult } from './append';
export { ConcurrencyError, isConstraintError, isQuotaError } from './errors';
export { readAll, readLog, readStream } from './read';
export { logSource, type EventSource } from './source';
export { clearLog, removeCommands, removeUnreadable, RewindError } from './rewind';
export { logIdentity } from './logMark';
export { checkLogFile, toLogFile, type ImportBase, type LogCheck } from './logFile';
export { writeImported, type ImportMode } from './importLog';
export { forkLog, type ForkedLog } from './forkLog';
export { parseLabEvent, type Parsed } from './storedRow';
export { isUnreadable, UNREADABLE, type UnreadableEvent } from './unreadable';
