// The read views as the bus keeps them: starting and rebuilding each (tried twice, then stopped
// with a reason), pausing, killing, and the settings that outlive a restart of its worker.
import type { Traced, ViewPhase, ViewPosition } from '../protocol';
import { replay, type Host, type ViewEndpoint } from './host';

/**
 * Called each time a start or rebuild reports progress: whoever waits for one across a worker
 * boundary times it from the last report (remote()), since a long log takes as long as it takes.
 */
export type Progressed = () => void;

/** How many times a view's start or rebuild is tried before the view is stopped. */
const START_ATTEMPTS = 2;

const setPhase = (
  host: Host,
  view: string,
  phase: ViewPhase,
  progress?: { done: number; total: number },
) => {
  const slot = host.views.get(view);
  if (slot) slot.phase = phase;
  host.emit(
    progress ? { kind: 'view-phase', view, phase, progress } : { kind: 'view-phase', view, phase },
  );
};

/** Its worker was killed: its mail waits until it is back. */
export const stopView = (host: Host, view: string) => {
  const slot = host.views.get(view);
  slot?.endpoint?.abort?.(`${view} was stopped`);
  if (slot) slot.endpoint = undefined;
  host.scheduler.hold(view, 'stopped');
  setPhase(host, view, 'stopped');
};

const startViewOnce = async (
  host: Host,
  view: string,
  endpoint: ViewEndpoint,
  how: 'start' | 'rebuild',
  progressed?: Progressed,
) => {
  const { deps, scheduler } = host;
  setPhase(host, view, how === 'start' ? 'starting' : 'rebuilding');
  scheduler.hold(view, 'stopped');
  // Progress reports travel on a port of their own, so the last may arrive after the result:
  // once the result is in, a late one must not put the view back to 'rebuilding' for good.
  let settled = false;
  const progress = (done: number, total: number) => {
    if (settled) return;
    setPhase(host, view, how === 'start' ? 'starting' : 'rebuilding', { done, total });
    progressed?.();
  };
  if (!host.views.get(view)?.duplicateCheck) replay(host, await endpoint.setDuplicateCheck(false));
  const began = deps.realNow();
  let result: Traced<ViewPosition>;
  try {
    result = await (how === 'start' ? endpoint.start(progress) : endpoint.rebuild(progress));
  } finally {
    settled = true;
  }
  const started = replay(host, result);
  const own = host.views.get(view);
  if (own) own.checkpoint = started.checkpoint;
  if (how === 'rebuild')
    host.emit({
      kind: 'view-rebuilt',
      view,
      events: started.checkpoint,
      ms: deps.realNow() - began,
    });
  host.head = Math.max(host.head, started.head);
  const slot = host.views.get(view);
  // eslint-disable-next-line @typescript-eslint/prefer-optional-chain -- slot is used below
  if (!slot || slot.endpoint !== endpoint) return; // killed while starting
  scheduler.hold(view, slot.pausedByLearner ? 'paused' : null);
  setPhase(host, view, slot.pausedByLearner ? 'paused' : 'running');
  host.kick();
};

/**
 * Starts or rebuilds a view; both are idempotent, so one that fails (its storage refused a
 * write, say) is tried once more. If that fails too, the view is stopped and the learner told
 * why, so it never sits "Rebuilding" for ever: Restart gives it a new worker.
 */
const startView = async (
  host: Host,
  view: string,
  endpoint: ViewEndpoint,
  how: 'start' | 'rebuild',
  progressed?: Progressed,
) => {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await startViewOnce(host, view, endpoint, how, progressed);
      return;
    } catch (error) {
      if (host.views.get(view)?.endpoint !== endpoint) return; // killed meanwhile: nothing to report
      const action = how === 'start' ? 'start' : 'rebuild';
      if (attempt < START_ATTEMPTS) {
        host.emit({
          kind: 'notice',
          text: `${view} could not ${action} (${String(error)}): trying again`,
        });
        continue;
      }
      host.emit({
        kind: 'notice',
        text: `${view} could not ${action} (${String(error)}), so it was stopped: restart it to try again`,
      });
      stopView(host, view);
      return;
    }
  }
};

/** A view's worker is up (first start or restart): catch it up, then deliver to it again. */
export const attachView = (
  host: Host,
  view: string,
  endpoint: ViewEndpoint,
  progressed?: Progressed,
) => {
  const slot = host.views.get(view) ?? {
    endpoint: undefined,
    phase: 'starting',
    pausedByLearner: false,
    duplicateCheck: true,
    checkpoint: 0,
  };
  host.views.set(view, { ...slot, endpoint });
  return startView(host, view, endpoint, 'start', progressed);
};

export const pauseView = (host: Host, view: string) => {
  const slot = host.views.get(view);
  if (!slot) return;
  if (host.deps.views === 'in-write') {
    host.emit({
      kind: 'notice',
      text: `${view} is written in each command’s own transaction (or queried from the one model) in this design: no events travel to it, so there is nothing to pause`,
    });
    return;
  }
  slot.pausedByLearner = true;
  if (slot.phase === 'running') {
    host.scheduler.hold(view, 'paused');
    setPhase(host, view, 'paused');
  }
};

export const resumeView = (host: Host, view: string) => {
  const slot = host.views.get(view);
  if (!slot) return;
  slot.pausedByLearner = false;
  if (slot.phase === 'paused') {
    host.scheduler.hold(view, null);
    setPhase(host, view, 'running');
    host.kick();
  }
};

export const rebuildView = (host: Host, view: string, progressed?: Progressed) =>
  host.serial(async () => {
    if (host.deps.noRebuild) {
      host.emit({ kind: 'notice', text: host.deps.noRebuild });
      return;
    }
    const endpoint = host.views.get(view)?.endpoint;
    if (endpoint) await startView(host, view, endpoint, 'rebuild', progressed);
  });

/** Turns a view's duplicate check off (a lesson's fault) or on again; it survives a restart. */
export const setDuplicateCheck = (host: Host, view: string, on: boolean) =>
  host.serial(async () => {
    const slot = host.views.get(view);
    if (!slot) return;
    slot.duplicateCheck = on;
    if (slot.endpoint) replay(host, await slot.endpoint.setDuplicateCheck(on));
    host.emit({ kind: 'view-duplicate-check', view, on });
  });

/** Another tab appended to the log: every running view reads what it has not seen. */
export const catchUpViews = (host: Host) =>
  host.serial(async () => {
    for (const slot of host.views.values()) {
      if (!slot.endpoint || slot.phase !== 'running') continue;
      const caught = replay(host, await slot.endpoint.catchUp());
      slot.checkpoint = caught.checkpoint;
      host.head = Math.max(host.head, caught.head);
    }
    host.clock();
  });

/** Empties every view (Reset); a new log starts with every safeguard in place. */
export const resetViews = async (host: Host) => {
  for (const [view, slot] of host.views) {
    if (slot.endpoint) replay(host, await slot.endpoint.reset());
    if (slot.duplicateCheck) continue;
    slot.duplicateCheck = true;
    if (slot.endpoint) replay(host, await slot.endpoint.setDuplicateCheck(true));
    host.emit({ kind: 'view-duplicate-check', view, on: true });
  }
};
