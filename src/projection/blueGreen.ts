// Rebuilding without downtime (chapter 14): Stock levels version 1 answers queries from its own
// store; version 2 is built from #1 in a store of its own beside it, while version 1 goes on
// answering; queries cut over to version 2 once it has caught up, and version 1 is dropped. A
// rebuild in place, for contrast, empties the answering view, and a query waits until it ends:
// each view's host does one thing at a time.
import type { QueryAnswer } from '../bus/protocol';
import { stockLevelsProjection } from '../domain/shop/stockLevels.projection';
import { stockLevelsV2Projection } from '../domain/shop/stockLevelsV2.projection';
import { headPosition, readAll, type EventSource, type EventStoreDb } from '../eventstore';
import type { ReadStoreDb } from '../readstore/readStoreDb';
import { createProjectionHost } from './projectionHost';

export const VERSIONS = [1, 2] as const;
export type Version = (typeof VERSIONS)[number];

/** Events a build reads and commits at a time: the checkpoint moves in steps this size. */
export const BUILD_PAGE = 20;

/** What a build is doing, as the page shows it. */
export type VersionState = {
  version: Version;
  /** Absent: never built; dropped: its store deleted. */
  phase: 'absent' | 'building' | 'built' | 'dropped';
  checkpoint: number;
};

export type BenchStatus = {
  head: number;
  answering: Version;
  inPlace: boolean;
  versions: VersionState[];
};

export type Asked = {
  servedBy: Version;
  row: Record<string, unknown> | null;
  asOfPosition: number;
  headPosition: number;
  waitedMs: number;
  /** What was going on when the question was asked. */
  duringInPlace: boolean;
  duringBeside: boolean;
};

export type BlueGreenDeps = {
  events: EventStoreDb;
  /** Each version's read store, its own database. */
  storeOf: (version: Version) => ReadStoreDb;
  /** Waits before each page a build reads (a simulator feature: slow enough to watch). */
  pace: () => Promise<void>;
  clock?: () => number;
};

export const createBlueGreenBench = ({
  events,
  storeOf,
  pace,
  clock = () => performance.now(),
}: BlueGreenDeps) => {
  /** The versions whose build is paced right now. */
  const pacing = new Set<Version>();
  const sourceOf = (version: Version): EventSource => ({
    head: () => headPosition(events),
    read: async (fromPosition, limit) => {
      if (pacing.has(version)) await pace();
      return readAll(events, { fromPosition, limit });
    },
  });
  const projections = { 1: stockLevelsProjection, 2: stockLevelsV2Projection } as const;
  const hostOf = (version: Version) =>
    createProjectionHost({
      projection: projections[version] as never,
      readDb: storeOf(version),
      source: sourceOf(version),
      trace: () => undefined,
      pageSize: BUILD_PAGE,
      flushEvents: BUILD_PAGE,
    });
  const hosts = new Map<Version, ReturnType<typeof hostOf>>();
  const phases = new Map<Version, VersionState['phase']>([
    [1, 'absent'],
    [2, 'absent'],
  ]);
  const reached = new Map<Version, number>([
    [1, 0],
    [2, 0],
  ]);
  let answering: Version = 1;
  let inPlace = false;

  const progressOf = (version: Version) => (done: number) => reached.set(version, done);

  const build = async (version: Version, paced: boolean) => {
    const store = storeOf(version);
    if (!store.isOpen()) await store.open();
    // The running host when there is one (a rebuild in place empties its store), else a new one.
    const host =
      (phases.get(version) === 'built' ? hosts.get(version) : undefined) ?? hostOf(version);
    hosts.set(version, host);
    phases.set(version, 'building');
    if (paced) pacing.add(version);
    try {
      const { checkpoint } = await host.rebuild(progressOf(version));
      reached.set(version, checkpoint);
    } finally {
      pacing.delete(version);
    }
    phases.set(version, 'built');
  };

  const status = async (): Promise<BenchStatus> => ({
    head: await headPosition(events),
    answering,
    inPlace,
    versions: VERSIONS.map((version) => ({
      version,
      phase: phases.get(version) ?? 'absent',
      checkpoint: reached.get(version) ?? 0,
    })),
  });

  /** The chapter opens: version 1 built from the log as it is (not paced), version 2 absent. */
  const prepare = async () => {
    answering = 1;
    await storeOf(2).delete();
    phases.set(2, 'absent');
    reached.set(2, 0);
    hosts.delete(2);
    await build(1, false);
    return status();
  };

  /** Empties the answering view and builds it again from #1, in place, paced. */
  const rebuildInPlace = async () => {
    if (inPlace) throw new Error('A rebuild in place is already running');
    inPlace = true;
    try {
      await build(answering, true);
    } finally {
      inPlace = false;
    }
    return status();
  };

  /** Builds version 2 from #1 in its own store, paced, while version 1 goes on answering. */
  const buildBeside = async () => {
    if (answering === 2) throw new Error('Version 2 is already the one answering');
    if (phases.get(2) === 'building') throw new Error('Version 2 is already being built');
    await build(2, true);
    return status();
  };

  /** Asks the answering version about one product, timing how long the answer took. */
  const ask = async (sku: string): Promise<Asked> => {
    const servedBy = answering;
    const host = hosts.get(servedBy);
    if (!host) throw new Error(`Version ${String(servedBy)} is not built`);
    const duringInPlace = inPlace;
    const duringBeside = phases.get(2) === 'building';
    const started = clock();
    const answer = (await host.ask({ kind: 'key', key: sku })) as QueryAnswer<Record<
      string,
      unknown
    > | null>;
    return {
      servedBy,
      row: answer.data,
      asOfPosition: answer.asOfPosition,
      headPosition: answer.headPosition,
      waitedMs: clock() - started,
      duringInPlace,
      duringBeside,
    };
  };

  /** Queries go to version 2 from now on: only once it has caught up with the log. */
  const cutOver = async () => {
    const host = hosts.get(2);
    if (!host || phases.get(2) !== 'built')
      throw new Error('Version 2 is not built yet: build it beside version 1 first');
    const { checkpoint, head } = await host.catchUp();
    reached.set(2, checkpoint);
    if (checkpoint < head)
      throw new Error(
        `Version 2 is at #${String(checkpoint)} of #${String(head)}: cut over once it has caught up`,
      );
    answering = 2;
    return status();
  };

  /** Deletes version 1's store: only once version 2 answers. */
  const dropOld = async () => {
    if (answering !== 2) throw new Error('Version 1 still answers queries: cut over first');
    hosts.delete(1);
    await storeOf(1).delete();
    phases.set(1, 'dropped');
    reached.set(1, 0);
    return status();
  };

  /** The log grew (another part of the lab appended): the built versions catch up. */
  const follow = async () => {
    for (const version of VERSIONS) {
      const host = hosts.get(version);
      if (host && phases.get(version) === 'built')
        reached.set(version, (await host.catchUp()).checkpoint);
    }
  };

  return { prepare, status, rebuildInPlace, buildBeside, ask, cutOver, dropOld, follow };
};

export type BlueGreenBench = ReturnType<typeof createBlueGreenBench>;
