// Runs the app's real code paths (the real write worker, real IndexedDB) and the raw baselines
// back to back in one page, and hands the figures to the Playwright driver.
import { wrap } from 'comlink';
import Dexie from 'dexie';
import type { CommandInput } from '../src/domain/lab';
import type { StoredEvent } from '../src/domain/types';
import { EVENT_STORE_NAME } from '../src/eventstore/eventStoreDb';
import WriteWorker from '../src/workers/write.worker?worker';
import ProjectionWorker from '../src/workers/projection.worker?worker';
import { VIEW_NAMES } from '../src/domain/views';
import type { ProjectionWorkerApi } from '../src/workers/projectionWorkerApi';
import { proxy, transfer } from 'comlink';
import type { WriteWorkerApi } from '../src/workers/writeWorkerApi';
import { auditLog, type Audit } from '../src/writemodel/audit';
import type { CommandOutcome, ViewApi } from '../src/bus/protocol';
import { DEFAULT_BUS_SETTINGS } from '../src/bus/defaults';
import { readStoreName } from '../src/readstore/readStoreDb';
import { startRuntime } from '../src/runtime/runtime';
import { wallClock } from '../src/bus/wallClock';
import type { RawApi } from './raw.worker';
import RawWorker from './raw.worker?worker';

type Input = CommandInput;
let sequence = 0;
const withMeta = (command: Input) => ({
  ...command,
  meta: { commandId: `bench-${(sequence += 1)}`, issuedAt: new Date().toISOString() },
});

const SKUS = 10;
const setup = (): Input[] =>
  Array.from({ length: SKUS }, (_, i) => ({
    type: 'AddProduct',
    data: { sku: `SKU-${i}`, name: `Product ${i}`, price: 2.5, stock: 1_000_000 },
  }));
/** Each order is one command that appends two events (OrderPlaced, StockReserved). */
const orders = (count: number, prefix: string): Input[] =>
  Array.from({ length: count }, (_, i) => ({
    type: 'PlaceOrder',
    data: { orderId: `${prefix}${i}`, lines: [{ sku: `SKU-${i % SKUS}`, quantity: 1 }] },
  }));

const startWriteWorker = (name: string) => {
  const worker = new WriteWorker({ name });
  return { api: wrap<WriteWorkerApi>(worker), stop: () => worker.terminate() };
};

/** A fresh write worker on an empty event store. */
const freshWriteModel = async () => {
  await Dexie.delete(EVENT_STORE_NAME);
  return startWriteWorker('bench write model');
};

const readAllEvents = async (api: ReturnType<typeof wrap<WriteWorkerApi>>) => {
  const rows: StoredEvent[] = [];
  for (;;) {
    const page = await api.readAll({ fromPosition: rows.length + 1, limit: 10_000 });
    rows.push(...page);
    if (page.length < 10_000) return rows;
  }
};

const expectAccepted = (outcomes: { status: string }[]) => {
  const bad = outcomes.find((o) => o.status !== 'accepted');
  if (bad) throw new Error(`A benchmark command was not accepted: ${JSON.stringify(bad)}`);
};

/** Commands sent to the real write worker either all at once (group commit) or one at a time. */
const appendRun = async (commandCount: number, mode: 'group' | 'one-by-one' | 'bus-batches') => {
  const { api, stop } = await freshWriteModel();
  expectAccepted(await Promise.all(setup().map((c) => api.dispatch(withMeta(c)))));
  const commands = orders(commandCount, mode === 'one-by-one' ? 'S' : 'G').map(withMeta);
  // As the bus feeds it: one message per delivery of up to BUS_BATCH commands.
  const channel = new MessageChannel();
  await api.connectBus(transfer(channel.port1, [channel.port1]));
  const bus = wrap<{ handle: (commands: unknown[]) => Promise<{ status: string }[]> }>(
    channel.port2,
  );
  const started = performance.now();
  if (mode === 'group') expectAccepted(await Promise.all(commands.map((c) => api.dispatch(c))));
  else if (mode === 'bus-batches')
    for (let i = 0; i < commands.length; i += BUS_BATCH)
      expectAccepted(await bus.handle(commands.slice(i, i + BUS_BATCH)));
  else for (const c of commands) expectAccepted([await api.dispatch(c)]);
  const ms = performance.now() - started;
  const rows = (await readAllEvents(api)).filter((e) => e.position > SKUS);
  stop();
  return { ms, rows };
};

const BUS_BATCH = DEFAULT_BUS_SETTINGS['Write model']?.batchSize ?? 1000;

const perSecond = (count: number, ms: number) => Math.round((count / ms) * 1000);

const groupsByCommand = (rows: StoredEvent[]) => {
  const groups = new Map<string, StoredEvent[]>();
  for (const row of rows)
    groups.set(row.meta.commandId, [...(groups.get(row.meta.commandId) ?? []), row]);
  return [...groups.values()];
};

export type AppendFigures = {
  events: number;
  raw_bulk_per_s: number;
  group_commit_per_s: number;
  group_commit_bus_batches_per_s: number;
  one_per_tx_events: number;
  raw_one_per_tx_per_s: number;
  one_per_tx_per_s: number;
};

const append = async (groupCommands: number, singleCommands: number): Promise<AppendFigures> => {
  const raw = wrap<RawApi>(new RawWorker({ name: 'bench raw' }));
  const group = await appendRun(groupCommands, 'group');
  const rawBulkMs = await raw.bulk(group.rows, 1000);
  const batches = await appendRun(groupCommands, 'bus-batches');
  const single = await appendRun(singleCommands, 'one-by-one');
  const rawSingleMs = await raw.perGroup(groupsByCommand(single.rows));
  return {
    events: group.rows.length,
    raw_bulk_per_s: perSecond(group.rows.length, rawBulkMs),
    group_commit_per_s: perSecond(group.rows.length, group.ms),
    group_commit_bus_batches_per_s: perSecond(batches.rows.length, batches.ms),
    one_per_tx_events: single.rows.length,
    raw_one_per_tx_per_s: perSecond(single.rows.length, rawSingleMs),
    one_per_tx_per_s: perSecond(single.rows.length, single.ms),
  };
};

export type RebuildFigures = {
  events: number;
  raw_paged_read_per_s: number;
  slowest_projection_per_s: number;
  per_projection_per_s: Record<string, number>;
};

/** Fills the log with `orders` orders (two events each) through the real write worker. */
const seedLog = async (orderCount: number) => {
  const { api, stop } = await freshWriteModel();
  expectAccepted(await Promise.all(setup().map((c) => api.dispatch(withMeta(c)))));
  for (let i = 0; i < orderCount; i += 5_000) {
    const wave = orders(Math.min(5_000, orderCount - i), `R${i}-`).map(withMeta);
    expectAccepted(await Promise.all(wave.map((c) => api.dispatch(c))));
  }
  const head = await api.head();
  stop();
  return head;
};

/** Each view, in its own real worker, rebuilt from position 0 over the whole log. */
const rebuild = async (orderCount: number): Promise<RebuildFigures> => {
  const events = await seedLog(orderCount);
  const raw = wrap<RawApi>(new RawWorker({ name: 'bench raw' }));
  const rawRead = await raw.pagedRead(EVENT_STORE_NAME, 1000);
  if (rawRead.count !== events)
    throw new Error(`Raw read saw ${rawRead.count} of ${events} events`);
  const perProjection: Record<string, number> = {};
  for (const view of VIEW_NAMES) {
    const worker = new ProjectionWorker({ name: view });
    const channel = new MessageChannel();
    await wrap<ProjectionWorkerApi>(worker).connect(view, transfer(channel.port1, [channel.port1]));
    const remote = wrap<ViewApi>(channel.port2);
    const started = performance.now();
    const { value } = await remote.rebuild(proxy(() => undefined));
    const ms = performance.now() - started;
    if (value.checkpoint !== events)
      throw new Error(`${view} rebuilt to #${value.checkpoint} of ${events}`);
    perProjection[view] = perSecond(events, ms);
    await remote.reset();
    worker.terminate();
  }
  return {
    events,
    raw_paged_read_per_s: perSecond(rawRead.count, rawRead.ms),
    slowest_projection_per_s: Math.min(...Object.values(perProjection)),
    per_projection_per_s: perProjection,
  };
};

export type LatencyFigures = {
  samples: number;
  raw_single_tx_p50: number;
  command_p50: number;
  command_to_view_p50: number;
  command_to_view_p95: number;
  command_to_view_p99: number;
};

const nearestRank = (values: readonly number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return (
    sorted[Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length))) - 1] ?? 0
  );
};
const tenth = (ms: number) => Math.round(ms * 10) / 10;

/** Every receiver with no delay, jitter or processing time: what is left is the real work. */
const ZERO_DELAYS = Object.fromEntries(
  Object.keys(DEFAULT_BUS_SETTINGS).map((endpoint) => [
    endpoint,
    { delayMs: 0, jitterMs: 0, processingMs: 0 },
  ]),
);

/**
 * One command at a time: the raw single transaction, the write worker's acknowledgement, and (through
 * the whole app: bus, write worker, five view workers) the moment every view has committed it.
 */
const latency = async (samples: number): Promise<LatencyFigures> => {
  // Raw: one command's rows, one transaction, from the page to a worker and back.
  const single = await appendRun(samples, 'one-by-one');
  const raw = wrap<RawApi>(new RawWorker({ name: 'bench raw' }));
  await raw.openFresh();
  const rawMs: number[] = [];
  for (const group of groupsByCommand(single.rows)) {
    const started = performance.now();
    await raw.addOne(group);
    rawMs.push(performance.now() - started);
  }

  // The write worker's acknowledgement, one command at a time.
  const { api, stop } = await freshWriteModel();
  expectAccepted(await Promise.all(setup().map((c) => api.dispatch(withMeta(c)))));
  const commandMs: number[] = [];
  for (const command of orders(samples, 'L').map(withMeta)) {
    const started = performance.now();
    expectAccepted([await api.dispatch(command)]);
    commandMs.push(performance.now() - started);
  }
  stop();

  // Through the whole app with zero configured delay, until every view has committed the command.
  await Dexie.delete(EVENT_STORE_NAME);
  for (const view of VIEW_NAMES) await Dexie.delete(readStoreName(view));
  const committed = new Map<string, { checkpoint: number; at: number }[]>();
  const runtime = await startRuntime({
    settings: ZERO_DELAYS,
    watch: (frames) => {
      for (const frame of frames)
        if (frame.kind === 'view-changed' && frame.at !== undefined)
          committed.set(frame.view, [
            ...(committed.get(frame.view) ?? []),
            { checkpoint: frame.checkpoint, at: frame.at },
          ]);
    },
  });
  const allCommitted = (position: number) =>
    new Promise<number>((resolve, reject) => {
      const began = performance.now();
      const poll = () => {
        const times = VIEW_NAMES.map(
          (view) => committed.get(view)?.find((c) => c.checkpoint >= position)?.at,
        );
        if (times.every((t) => t !== undefined)) resolve(Math.max(...times));
        else if (performance.now() - began > 10_000)
          reject(new Error(`The views did not all reach #${String(position)}`));
        else setTimeout(poll, 1);
      };
      poll();
    });
  for (const command of setup()) expectAccepted([await runtime.dispatch(command)]);
  const viewMs: number[] = [];
  for (const command of orders(samples, 'V')) {
    committed.clear();
    const sentAt = wallClock();
    const outcome = await runtime.dispatch(command);
    if (outcome.status !== 'accepted') throw new Error('A latency command was refused');
    const position = Math.max(...outcome.events.map((e) => e.position));
    viewMs.push((await allCommitted(position)) - sentAt);
  }
  return {
    samples,
    raw_single_tx_p50: tenth(nearestRank(rawMs, 50)),
    command_p50: tenth(nearestRank(commandMs, 50)),
    command_to_view_p50: tenth(nearestRank(viewMs, 50)),
    command_to_view_p95: tenth(nearestRank(viewMs, 95)),
    command_to_view_p99: tenth(nearestRank(viewMs, 99)),
  };
};

type Tab = ReturnType<typeof startWriteWorker>;

/** Two real write workers (two tabs) on one fresh event store that holds one product. */
const twoTabs = async (stock: number): Promise<[Tab, Tab]> => {
  await Dexie.delete(EVENT_STORE_NAME);
  const tabs: [Tab, Tab] = [startWriteWorker('race tab A'), startWriteWorker('race tab B')];
  const product: Input = {
    type: 'AddProduct',
    data: { sku: 'SKU-1', name: 'Mug', price: 2, stock },
  };
  expectAccepted([await tabs[0].api.dispatch(withMeta(product))]);
  return tabs;
};

/** One unit of the raced product, optionally with the product's version as the sender read it. */
const raceOrder = (orderId: string, expectedVersions?: Record<string, number>) => {
  const command = withMeta({
    type: 'PlaceOrder',
    data: { orderId, lines: [{ sku: 'SKU-1', quantity: 1 }] },
  });
  return expectedVersions ? { ...command, meta: { ...command.meta, expectedVersions } } : command;
};

export type RaceScenarioFigures = Audit & {
  commands: number;
  accepted: number;
  refused: number;
  /** Why commands were not accepted (numbers in the reason as #), and how often each was given. */
  reasons: Record<string, number>;
  /** How often the log passes from one tab's events to the other's: 0 would be no race at all. */
  handovers: number;
  ms: number;
};

/** The writers' outcomes counted, and the log (read through tab A) audited against them. */
const tally = async (
  tabs: [Tab, Tab],
  outcomes: readonly CommandOutcome[],
  started: number,
): Promise<RaceScenarioFigures> => {
  const ms = Math.round(performance.now() - started);
  const log = await readAllEvents(tabs[0].api);
  for (const tab of tabs) tab.stop();
  const reasons: Record<string, number> = {};
  for (const outcome of outcomes) {
    if (outcome.status === 'accepted') continue;
    const kind = outcome.reason.replace(/\d+/g, '#');
    reasons[kind] = (reasons[kind] ?? 0) + 1;
  }
  // Order ids start with the letter of the tab that sent them.
  const tabOf = (event: StoredEvent) => (event.data as { orderId?: string }).orderId?.charAt(0);
  const ordered = log.map(tabOf).filter((tab) => tab !== undefined);
  return {
    commands: outcomes.length,
    accepted: outcomes.filter((o) => o.status === 'accepted').length,
    refused: outcomes.filter((o) => o.status === 'rejected').length,
    reasons,
    handovers: ordered.filter((tab, i) => i > 0 && tab !== ordered[i - 1]).length,
    ms,
    ...auditLog(log, outcomes),
  };
};

/** `count` orders sent all at once, alternately to tab A and tab B. */
const raceAll = async (
  stock: number,
  count: number,
  expectedVersions?: Record<string, number>,
): Promise<RaceScenarioFigures> => {
  const tabs = await twoTabs(stock);
  const started = performance.now();
  const outcomes = await Promise.all(
    Array.from({ length: count }, (_, i) =>
      i % 2 === 0
        ? tabs[0].api.dispatch(raceOrder(`A-${i}`, expectedVersions))
        : tabs[1].api.dispatch(raceOrder(`B-${i}`, expectedVersions)),
    ),
  );
  return tally(tabs, outcomes, started);
};

/** Round after round, one order from each tab, both read at the product's current version. */
const raceRounds = async (count: number) => {
  const tabs = await twoTabs(10_000);
  const started = performance.now();
  const outcomes: CommandOutcome[] = [];
  let oneWinner = 0;
  for (let round = 0; round < count; round += 1) {
    const read = { 'product-SKU-1': 1 + round };
    const pair = await Promise.all([
      tabs[0].api.dispatch(raceOrder(`A-${round}`, read)),
      tabs[1].api.dispatch(raceOrder(`B-${round}`, read)),
    ]);
    if (pair.filter((o) => o.status === 'accepted').length === 1) oneWinner += 1;
    outcomes.push(...pair);
  }
  return { ...(await tally(tabs, outcomes, started)), rounds: count, one_winner_rounds: oneWinner };
};

export type RaceFigures = {
  /** Appends attempted across the three races (the product each starts with not counted). */
  commands: number;
  /** Lost, duplicated, gapped and phantom events across the three races. */
  anomalies: number;
  /** 1,000 orders for 600 units: 600 must be accepted. */
  stock_split: RaceScenarioFigures;
  /** 1,000 orders that all read the product at version 1: exactly one may win. */
  same_version: RaceScenarioFigures;
  /** 500 rounds of two such orders: one winner per round. */
  rounds: RaceScenarioFigures & { rounds: number; one_winner_rounds: number };
};

/** The race of race.idb.test.ts with two real write workers on one real IndexedDB. */
const race = async (): Promise<RaceFigures> => {
  const stockSplit = await raceAll(600, 1_000);
  const sameVersion = await raceAll(10_000, 1_000, { 'product-SKU-1': 1 });
  const rounds = await raceRounds(500);
  const scenarios = [stockSplit, sameVersion, rounds];
  return {
    commands: scenarios.reduce((sum, s) => sum + s.commands, 0),
    anomalies: scenarios.reduce((sum, s) => sum + s.lost + s.duplicated + s.gapped + s.phantom, 0),
    stock_split: stockSplit,
    same_version: sameVersion,
    rounds,
  };
};

const harness = { append, rebuild, latency, race };
export type Harness = typeof harness;
(window as unknown as { cqrsBench: Harness }).cqrsBench = harness;
document.getElementById('status')?.setAttribute('data-ready', 'true');
