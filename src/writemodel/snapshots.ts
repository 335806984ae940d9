// Snapshots of one account's stream (chapter 12): loading an aggregate by folding every event of its
// stream, or from a snapshot (its state and the version it was folded up to, kept beside the log)
// and the events after it. A snapshot is an optimisation: it can be thrown away at any time, and one
// taken with an older shape of the state is discarded and taken again from the start of the stream.
import Dexie, { type Table } from 'dexie';
import { accountStream } from '../domain/bank/events';
import { labCommandSchema, labDomain } from '../domain/lab';
import { DomainError, type StoredEvent } from '../domain/types';
import { headPosition, readStream, streamVersion, type EventStoreDb } from '../eventstore';
import { appendBatch, type PlannedCommand } from '../eventstore/appendBatch';

export const SNAPSHOT_STORE_NAME = 'cqrs-lab-snapshots';

/**
 * The account's state as the loader keeps it. Shape 1 holds the balance; shape 2, shipped later,
 * also counts the account's movements, which a shape 1 snapshot does not hold.
 */
export type AccountSnapshotState = {
  accountId: string;
  owner: string;
  balanceCents: number;
  movements?: number;
};
export const SHAPES = [1, 2] as const;
export type Shape = (typeof SHAPES)[number];

export type SnapshotRecord = {
  streamId: string;
  /** The stream's version the state was folded up to. */
  version: number;
  shape: Shape;
  state: AccountSnapshotState;
};

export class SnapshotDb extends Dexie {
  snapshots!: Table<SnapshotRecord, [string, number]>;

  constructor(name: string = SNAPSHOT_STORE_NAME) {
    super(name);
    this.version(1).stores({ snapshots: '[streamId+version]' });
  }
}

export type LoadResult = {
  /** Where the fold started: a snapshot's version, or 0 (the start of the stream). */
  from: number;
  /** Events read and folded on top of it. */
  folded: number;
  version: number;
  shape: Shape;
  state: AccountSnapshotState;
  /** A snapshot taken with an older shape, found and thrown away. */
  discarded: number | null;
  ms: number;
};

const MOVES: ReadonlySet<string> = new Set([
  'MoneyDeposited',
  'MoneyWithdrawn',
  'TransferSent',
  'TransferReceived',
]);

/** Folds `events` onto `state`, in the given shape. */
export const foldAccount = (
  accountId: string,
  state: AccountSnapshotState | null,
  events: readonly StoredEvent[],
  shape: Shape,
): AccountSnapshotState | null => {
  let bank = {
    accounts: state ? { [accountId]: { ...state } } : ({} as Record<string, AccountSnapshotState>),
  };
  let movements = state?.movements ?? 0;
  for (const event of events) {
    bank = labDomain.evolve({ shop: { products: {}, orders: {} }, bank }, event as never).bank;
    if (MOVES.has(event.type)) movements += 1;
  }
  const account = bank.accounts[accountId];
  if (!account) return null;
  const { owner, balanceCents } = account;
  return shape === 2
    ? { accountId, owner, balanceCents, movements }
    : { accountId, owner, balanceCents };
};

/** The deterministic movements the chapter's account takes: payments in, and now and then out. */
export const movementOf = (accountId: string, i: number) =>
  i % 4 === 3
    ? ({ type: 'Withdraw', data: { accountId, amount: 20 } } as const)
    : ({ type: 'Deposit', data: { accountId, amount: 12.5 } } as const);

/** Commands per transaction while the account's history is written. */
const BATCH = 1000;

export type SnapshotBenchDeps = {
  events: EventStoreDb;
  snapshots: SnapshotDb;
  /** Tells the page (and other tabs) that the log grew, so views catch up as with another tab. */
  told?: (head: number) => void;
  now?: () => string;
  clock?: () => number;
};

export const createSnapshotBench = ({
  events,
  snapshots,
  told,
  now = () => new Date().toISOString(),
  clock = () => performance.now(),
}: SnapshotBenchDeps) => {
  const ofStream = (streamId: string) =>
    snapshots.snapshots.where('[streamId+version]').between([streamId, 0], [streamId, Infinity]);

  /**
   * Writes the account's movements until its stream is at `version` (each decided by the bank's
   * rules, a thousand commands per transaction). The account's opening must be the only other event
   * of its stream. Snapshots of a version the stream has not reached (the log was reset) are
   * dropped: they describe a stream that is gone.
   */
  const prepare = async (accountId: string, version: number) => {
    const streamId = accountStream(accountId);
    const at = await streamVersion(events, streamId);
    if (at === 0) throw new Error(`There is no account ${accountId} in the log`);
    if (((await latest(streamId))?.version ?? 0) > at) await ofStream(streamId).delete();
    // The account as the last batch left it: folded once, then carried from batch to batch.
    let known: { version: number; state: AccountSnapshotState | null } | undefined;
    for (let from = at; from < version; from += BATCH) {
      const commands = Array.from({ length: Math.min(BATCH, version - from) }, (_, k) =>
        labCommandSchema.parse({
          ...movementOf(accountId, from + k - 1),
          meta: { commandId: `${streamId}-move-${String(from + k)}`, issuedAt: now() },
        }),
      );
      let decidedUpTo: typeof known;
      await appendBatch(
        events,
        commands.map((c) => c.meta.commandId),
        async (): Promise<PlannedCommand[]> => {
          // Decided in the transaction, on the stream as it is now: folded again only when another
          // writer moved it since the last batch.
          let expected = await streamVersion(events, streamId);
          let state =
            known?.version === expected
              ? known.state
              : foldAccount(accountId, null, await readStream(events, streamId), 1);
          const planned = commands.map((command): PlannedCommand => {
            const base = { commandId: command.meta.commandId, commandType: command.type };
            try {
              const bank = { accounts: state ? { [accountId]: state } : {} };
              const decided = labDomain.decide(command, {
                shop: { products: {}, orders: {} },
                bank,
              });
              const stream = { streamId, expectedVersion: expected, events: decided };
              expected += decided.length;
              state = foldAccount(accountId, state, decided as StoredEvent[], 1);
              return { ...base, kind: 'append', streams: [stream] };
            } catch (error) {
              if (!(error instanceof DomainError)) throw error;
              return { ...base, kind: 'reject', reason: error.message };
            }
          });
          decidedUpTo = { version: expected, state };
          return planned;
        },
        now(),
      );
      // Kept only once the batch's transaction has committed.
      known = decidedUpTo;
    }
    const head = await headPosition(events);
    if (at < version) told?.(head);
    return { version: await streamVersion(events, streamId), head };
  };

  /** The newest snapshot of the stream, if any. */
  const latest = async (streamId: string) =>
    (await ofStream(streamId).reverse().limit(1).toArray())[0];

  /**
   * Folds `rest` (the events after `baseVersion`) onto `base`, cutting a snapshot at every `every`
   * events of the stream on the way: one pass gives the state and the snapshots.
   */
  const foldCutting = (
    streamId: string,
    accountId: string,
    base: AccountSnapshotState | null,
    baseVersion: number,
    rest: readonly StoredEvent[],
    { every, shape }: { every: number; shape: Shape },
  ) => {
    let state = base;
    let at = baseVersion;
    const taken: SnapshotRecord[] = [];
    const last = baseVersion + rest.length;
    for (let next = (Math.floor(at / every) + 1) * every; next <= last; next += every) {
      state = foldAccount(
        accountId,
        state,
        rest.slice(at - baseVersion, next - baseVersion),
        shape,
      );
      at = next;
      if (state) taken.push({ streamId, version: at, shape, state });
    }
    state = foldAccount(accountId, state, rest.slice(at - baseVersion), shape);
    return { state, taken };
  };

  /**
   * Loads the account, as a write model would before deciding a command on it: from its newest
   * snapshot if asked and usable, else from the start of its stream.
   */
  const load = async (
    accountId: string,
    { useSnapshot, shape, every }: { useSnapshot: boolean; shape: Shape; every: number },
  ): Promise<LoadResult> => {
    const streamId = accountStream(accountId);
    const started = clock();
    let snapshot = useSnapshot ? await latest(streamId) : undefined;
    let discarded: number | null = null;
    if (snapshot && snapshot.shape !== shape) {
      // Written with another shape of the state: it cannot be read as this one. Throw it away.
      discarded = snapshot.version;
      await ofStream(streamId).delete();
      snapshot = undefined;
    }
    const from = snapshot?.version ?? 0;
    const after = await readStream(events, streamId, { fromVersion: from + 1 });
    // A discarded snapshot is taken again, in the new shape, on the way through this fold.
    const { state, taken } =
      discarded === null
        ? { state: foldAccount(accountId, snapshot?.state ?? null, after, shape), taken: [] }
        : foldCutting(streamId, accountId, null, 0, after, { every, shape });
    const ms = clock() - started;
    if (!state) throw new Error(`There is no account ${accountId} in the log`);
    await snapshots.snapshots.bulkPut(taken);
    return {
      from,
      folded: after.length,
      version: from + after.length,
      shape,
      state,
      discarded,
      ms,
    };
  };

  /**
   * Takes a snapshot at every `every` events of the stream that has none yet (as a write model
   * would after its appends), folding from the newest usable one. Returns the versions now held.
   */
  const takeEvery = async (accountId: string, every: number, shape: Shape) => {
    const streamId = accountStream(accountId);
    const newest = await latest(streamId);
    const base = newest?.shape === shape ? newest : undefined;
    if (newest && !base) await ofStream(streamId).delete();
    const baseVersion = base?.version ?? 0;
    const rest = await readStream(events, streamId, { fromVersion: baseVersion + 1 });
    const { taken } = foldCutting(streamId, accountId, base?.state ?? null, baseVersion, rest, {
      every,
      shape,
    });
    await snapshots.snapshots.bulkPut(taken);
    return held(accountId);
  };

  /** The snapshots kept for the account, oldest first. */
  const held = async (accountId: string) =>
    (await ofStream(accountStream(accountId)).toArray()).map(({ version, shape, state }) => ({
      version,
      shape,
      state,
    }));

  /** Throws every snapshot of the account away: the log still holds everything. */
  const drop = async (accountId: string) => {
    await ofStream(accountStream(accountId)).delete();
  };

  return { prepare, load, takeEvery, held, drop };
};

export type SnapshotBench = ReturnType<typeof createSnapshotBench>;
