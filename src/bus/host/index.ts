// The bus at work: it owns every message between the UI, the write model and the read views, and
// hands them over in virtual time. Live, the clock follows real time × speed; paused, nothing moves
// until a step hands over exactly one message. Every hand-over can be taken back (Step back): the
// messages go back in the queue, their replies are withdrawn, and the receiver undoes what it did.
// This file composes the parts; each lives in a file of its own.
import { DEFAULT_BUS_SETTINGS } from '../defaults';
import type { Outbound, ViewQuery } from '../protocol';
import { WRITE_MODEL } from '../protocol';
import { Scheduler } from '../scheduler';
import { createSerialQueue } from '../serialQueue';
import type { LabCommand } from '../../domain/lab';
import { createFaults } from './faults';
import {
  send,
  writeModel,
  type BusHostDeps,
  type Host,
  type ViewEndpoint,
  type WriteEndpoint,
} from './host';
import { createLoad, type LoadSpec } from './load';
import { createLoop } from './loop';
import { commandFromUI, QUERY_LATENCY_MS, queryFromUI, summarize } from './messages';
import { stepBack } from './stepBack';
import * as views from './views';

export type { BusHostDeps, ViewEndpoint, WriteEndpoint } from './host';

export const createBusHost = (deps: BusHostDeps) => {
  const scheduler = new Scheduler<Outbound>(deps.seed);
  /** Each receiver's settings as the bus started, to go back to. */
  const initial = { ...DEFAULT_BUS_SETTINGS, ...deps.settings };
  for (const [endpoint, settings] of Object.entries(initial))
    scheduler.configure(endpoint, settings);
  const host: Host = {
    deps,
    scheduler,
    views: new Map(),
    history: [],
    serial: createSerialQueue(),
    emit: deps.emit,
    write: deps.write,
    playing: true,
    speed: 1,
    head: 0,
    relayed: 0,
    // Set below, once the loop that owns them exists.
    clock: () => undefined,
    kick: () => undefined,
  };
  const load = createLoad(host);
  const loop = createLoop(host, load);
  host.clock = loop.clock;
  host.kick = loop.kick;
  const faults = createFaults(host);

  /** Does `work` (it sends at the current virtual time), then tells the page and wakes the loop. */
  const now = <T>(work: () => T): T => {
    loop.syncClock();
    const result = work();
    loop.clock();
    loop.kick();
    return result;
  };
  /** Sends a message from the UI at the current virtual time. */
  const fromUI = (outbound: Outbound, ownDelay?: number): number =>
    now(() => send(host, outbound, undefined, ownDelay));

  return {
    attachView: (view: string, endpoint: ViewEndpoint, progressed?: views.Progressed) =>
      views.attachView(host, view, endpoint, progressed),
    /**
     * The write model's worker died: commands wait on the bus, and the delivery it was handling
     * (its fate unknown) goes back in the queue, to be sent again under the same command ids.
     */
    stopWrite: () => {
      host.write?.abort?.('the write model stopped');
      host.write = undefined;
      scheduler.hold(WRITE_MODEL, 'stopped');
      loop.clock();
    },
    /** A new write model worker is up: the commands that waited are delivered to it. */
    attachWrite: (endpoint: WriteEndpoint) => {
      host.write = endpoint;
      scheduler.hold(WRITE_MODEL, null);
      loop.clock();
      loop.kick();
    },
    stopView: (view: string) => views.stopView(host, view),
    pauseView: (view: string) => views.pauseView(host, view),
    resumeView: (view: string) => views.resumeView(host, view),
    rebuildView: (view: string, progressed?: views.Progressed) =>
      views.rebuildView(host, view, progressed),
    setDuplicateCheck: (view: string, on: boolean) => views.setDuplicateCheck(host, view, on),
    catchUpViews: () => views.catchUpViews(host),
    setDelay: (endpoint: string, delayMs: number) => scheduler.configure(endpoint, { delayMs }),
    /** Puts a receiver's delay back to the one it started with; returns it (ms). */
    resetDelay: (endpoint: string) => {
      const delayMs = initial[endpoint]?.delayMs ?? 0;
      scheduler.configure(endpoint, { delayMs });
      return delayMs;
    },
    settingsOf: (endpoint: string) => scheduler.settingsOf(endpoint),

    /** The UI sends a command to the write model; its outcome comes back as a message. */
    sendCommand: (command: LabCommand): number => fromUI(commandFromUI(command)),
    /** The UI asks a view a question; the answer comes back as a message. */
    sendQuery: (view: string, query: ViewQuery): number =>
      fromUI(queryFromUI(view, query), QUERY_LATENCY_MS),

    play: loop.play,
    pause: loop.pause,
    step: loop.step,
    stepBack: () => stepBack(host, faults.copies),
    setSpeed: loop.setSpeed,
    /** Empties the log (unless told otherwise), every view and the queue. */
    reset: ({ log = true }: { log?: boolean } = {}) =>
      host.serial(async () => {
        // An import has just replaced the log itself: only the messages and views start again.
        if (log) await writeModel(host).reset();
        await views.resetViews(host);
        scheduler.clear();
        host.history.length = 0;
        host.head = 0;
        host.relayed = 0;
        for (const slot of host.views.values()) slot.checkpoint = 0;
        host.emit({ kind: 'reset' });
        loop.clock();
      }),
    settle: loop.settle,
    drop: faults.drop,
    duplicate: faults.duplicate,
    delayMessage: faults.delay,
    startLoad: (spec: LoadSpec) => now(() => load.start(spec)),
    stopLoad: load.stop,
    queue: () => scheduler.queue().map(summarize),
  };
};

export type BusHost = ReturnType<typeof createBusHost>;
