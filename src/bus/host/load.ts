// The workload the learner starts from the Load panel: the shop's seeded workload (a pure function
// in the domain), which the bus merely schedules, each operation at its own virtual time.
import { workloadOp } from '../../domain/shop/workload';
import { send, type Host } from './host';
import { commandFromUI, QUERY_LATENCY_MS, queryFromUI } from './messages';

const LOAD_SKUS = ['LOAD-1', 'LOAD-2', 'LOAD-3', 'LOAD-4', 'LOAD-5'];
/** The view the workload's reads ask. */
const READ_VIEW = 'Stock levels';

type LoadRun = {
  id: number;
  /** Names its orders and commands: unique across page loads, or a later run would repeat them. */
  tag: string;
  start: number;
  interval: number;
  total: number;
  sent: number;
  readShare: number;
};

export type LoadSpec = { perSecond: number; readShare: number; seconds: number };

export const createLoad = (host: Host) => {
  let load: LoadRun | null = null;
  let runs = 0;
  /** This bus's own prefix for load ids: the log outlives the page, and a reload starts at run 1. */
  const hostTag = crypto.randomUUID().slice(0, 6);
  const timeOf = (run: LoadRun, i: number) => run.start + i * run.interval;
  const issuedAt = () => new Date().toISOString();

  /** Sends the workload's messages whose time has come, stamped with that time. */
  const release = (until: number) => {
    const run = load;
    if (!run) return;
    const spec = { seed: host.deps.seed + run.id, readShare: run.readShare, skus: LOAD_SKUS };
    while (run.sent < run.total && timeOf(run, run.sent) <= until) {
      const i = run.sent;
      const at = timeOf(run, i);
      const op = workloadOp(spec, `L${run.tag}`, i);
      if (op.kind === 'read')
        send(host, queryFromUI(READ_VIEW, { kind: 'key', key: op.sku }), at, QUERY_LATENCY_MS);
      else
        send(
          host,
          commandFromUI({
            type: 'PlaceOrder',
            data: { orderId: op.orderId, lines: [{ sku: op.sku, quantity: 1 }] },
            meta: { commandId: `load-${run.tag}-${String(i + 1)}`, issuedAt: issuedAt() },
          }),
          at,
        );
      run.sent += 1;
    }
    host.emit({ kind: 'load', running: run.sent < run.total, sent: run.sent, total: run.total });
    if (run.sent >= run.total) load = null;
  };

  return {
    release,
    running: () => load !== null,
    /** When the workload's next message is due, if it is running. */
    nextAt: () => (load ? timeOf(load, load.sent) : undefined),
    /**
     * Starts a workload: `perSecond` messages per virtual second for `seconds`, a `readShare` of
     * them queries to Stock levels and the rest orders, on products LOAD-1…LOAD-5 (added first).
     */
    start: ({ perSecond, readShare, seconds }: LoadSpec) => {
      runs += 1;
      const tag = `${hostTag}${String(runs)}`;
      LOAD_SKUS.forEach((sku, n) =>
        send(
          host,
          commandFromUI({
            type: 'AddProduct',
            data: { sku, name: `Load product ${String(n + 1)}`, price: 1, stock: 1_000_000 },
            meta: { commandId: `load-${tag}-setup-${String(n + 1)}`, issuedAt: issuedAt() },
          }),
        ),
      );
      load = {
        id: runs,
        tag,
        start: host.scheduler.now + 50,
        interval: 1000 / perSecond,
        total: Math.round(perSecond * seconds),
        sent: 0,
        readShare,
      };
      host.emit({ kind: 'load', running: true, sent: 0, total: load.total });
    },
    stop: () => {
      if (load) host.emit({ kind: 'load', running: false, sent: load.sent, total: load.total });
      load = null;
    },
  };
};

export type Load = ReturnType<typeof createLoad>;
