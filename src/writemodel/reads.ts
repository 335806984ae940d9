// What the write side answers from the log itself, without any view: an account folded from its
// own stream, and the state an import goes on top of.
import { bankDomain } from '../domain/bank/bank.decider';
import { accountStream, type BankEvent } from '../domain/bank/events';
import { foldLab } from '../domain/lab';
import { fromCents } from '../domain/money';
import {
  headPosition,
  isUnreadable,
  readLog,
  readStream,
  type EventStoreDb,
  type ImportMode,
} from '../eventstore';

/** What an import may go on top of: nothing (replace), or the log as it is (append). */
export const importBase = async (db: EventStoreDb, mode: ImportMode) => {
  if (mode === 'replace') return undefined;
  const log = await readLog(db);
  // A row the code cannot read is kept aside (storedRow.ts): not folded, but its stream is taken.
  const events = log.filter((e) => !isUnreadable(e));
  return {
    state: foldLab(events),
    versions: new Map(log.flatMap((e) => (e.streamId === '' ? [] : [[e.streamId, e.version]]))),
    commands: new Set(events.map((e) => e.meta.commandId)),
  };
};

/** An account as the write side knows it: its stream in the log, folded (no view involved). */
export const readAccount = async (db: EventStoreDb, accountId: string) => {
  const { events, head } = await db.transaction('r', db.events, async () => ({
    events: await readStream(db, accountStream(accountId)),
    head: await headPosition(db),
  }));
  const state = events.reduce(
    (folded, event) => bankDomain.evolve(folded, event as unknown as BankEvent),
    bankDomain.initialState(),
  );
  const account = state.accounts[accountId];
  return {
    balance: account ? fromCents(account.balanceCents) : null,
    version: events.length,
    asOfPosition: head,
  };
};
