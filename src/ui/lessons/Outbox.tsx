import { useEffect, useId, useRef, useState } from 'react';
import {
  FIRST_STEP,
  OUTBOX_LABELS as LABELS,
  verdictOf,
  type Attempt,
  type Found,
} from '../../lessons/outboxBench';
import {
  DUAL_WRITE_DEAD_AFTER_MS,
  startDualWriteBench,
  type DualWriteBench,
  type DualWriteWorker,
  type OrdersSnapshot,
  type Pick,
  type Publishing,
  PUBLISHING,
} from '../../runtime/dualWriteBench';
import { reportActivity } from '../../state/lessons';
import { BenchFailure } from './BenchFailure';
import { useBench } from './useBench';

/** How often the page reads both services' databases. */
const WATCH_MS = 300;
const LINE = { sku: 'SKU-1', quantity: 1 } as const;
const PATIENCE = `${String(DUAL_WRITE_DEAD_AFTER_MS / 1000)} s`;

const HOW: Record<Publishing, string> = {
  'write-then-publish': 'written, then published',
  'publish-then-write': 'published, then written',
  outbox: 'through the outbox',
};

/** What one order's row says of the orders service's database. */
const ordersCell = (found: Found, outboxRow: number | undefined) =>
  `${found.saved ? 'saved' : 'not saved'}${
    outboxRow === undefined ? '' : `; outbox row #${String(outboxRow)} ${found.inOutbox ?? ''}`
  }`;

const warehouseCell = (pick: Pick | undefined) =>
  pick
    ? `picks it (${String(pick.deliveries)} ${pick.deliveries === 1 ? 'delivery' : 'deliveries'})`
    : 'never heard of it';

/** Chapter 17's bench: an orders service that saves and publishes, a relay and a warehouse. */
export const Outbox = () => {
  const [publishing, setPublishing] = useState<Publishing>('write-then-publish');
  const [crashService, setCrashService] = useState(false);
  const [relayArmed, setRelayArmed] = useState(false);
  const [attempts, setAttempts] = useState<readonly Attempt[]>([]);
  const [orders, setOrders] = useState<OrdersSnapshot | null>(null);
  const [picks, setPicks] = useState<readonly Pick[]>([]);
  const [restarted, setRestarted] = useState<Record<DualWriteWorker, number>>({
    'Orders service': 0,
    Relay: 0,
  });
  const reported = useRef(new Set<string>());
  const hintId = useId();
  const radios = useId();

  const { bench, busy, failed, run } = useBench({
    start: () => {
      const started = startDualWriteBench({
        onRestart: (worker) => {
          setRestarted((counts) => ({ ...counts, [worker]: counts[worker] + 1 }));
          if (worker === 'Relay') {
            setRelayArmed(false);
            reportActivity('outbox:relay-restarted');
          }
        },
      });
      return { api: started, stop: started.stop };
    },
    // A fresh start: both databases emptied, the relay told not to crash.
    prepare: async (started: DualWriteBench) => {
      await started.reset();
      await started.armRelay(false);
    },
    name: 'dual-write bench',
  });

  // Both databases, read a few times a second: what each service holds now.
  useEffect(() => {
    if (!bench) return;
    const timer = setInterval(() => {
      void Promise.all([bench.orders(), bench.picks()]).then(
        ([found, picked]) => {
          setOrders(found);
          setPicks(picked);
        },
        () => undefined,
      );
    }, WATCH_MS);
    return () => clearInterval(timer);
  }, [bench]);

  const rows = attempts.map((attempt) => {
    const outboxRow = orders?.outbox.find((row) => row.orderId === attempt.orderId)?.position;
    const found: Found = {
      saved: orders?.orders.some((order) => order.orderId === attempt.orderId) ?? false,
      pick: picks.find((pick) => pick.orderId === attempt.orderId),
      inOutbox:
        outboxRow === undefined
          ? null
          : outboxRow <= (orders?.relayedTo ?? 0)
            ? 'published'
            : 'waiting',
    };
    return { attempt, found, outboxRow, verdict: verdictOf(attempt, found) };
  });

  useEffect(() => {
    for (const { attempt, verdict } of rows) {
      const key = `${attempt.orderId} ${verdict.activity ?? ''}`;
      if (!verdict.activity || reported.current.has(key)) continue;
      reported.current.add(key);
      reportActivity(verdict.activity);
    }
  });

  const update = (orderId: string, outcome: Attempt['outcome']) =>
    setAttempts((all) => all.map((a) => (a.orderId === orderId ? { ...a, outcome } : a)));

  const place = () =>
    run(async (api) => {
      const crash = crashService;
      let placing = '';
      const outcome = await api.place(LINE, publishing, crash, (orderId) => {
        placing = orderId;
        setAttempts((all) => [...all, { orderId, publishing, crash, outcome: 'waiting' }]);
      });
      update(placing, 'died' in outcome ? 'died' : 'answered');
      if ('died' in outcome) {
        setCrashService(false);
        reportActivity('outbox:service-crashed');
      }
    });

  // The box shows the learner's choice at once; the relay is told, and the box undone if it failed.
  const armRelay = (crash: boolean) => {
    setRelayArmed(crash);
    return run(async (api) => {
      try {
        await api.armRelay(crash);
      } catch (error) {
        setRelayArmed(!crash);
        throw error;
      }
    });
  };

  const waiting = attempts.find((a) => a.outcome === 'waiting');
  const serviceStatus = waiting
    ? waiting.crash
      ? `Placing ${waiting.orderId}, told to crash ${FIRST_STEP[waiting.publishing]}: no answer yet. The watchdog starts a worker again once a question to it has waited ${PATIENCE}.`
      : `Placing ${waiting.orderId}…`
    : restarted['Orders service'] > 0
      ? `Running again: the watchdog started it after its crash (${String(restarted['Orders service'])} restart${restarted['Orders service'] === 1 ? '' : 's'}).`
      : bench
        ? 'Running.'
        : 'Starting…';
  const relayStatus = !bench
    ? 'Starting…'
    : `${relayArmed ? 'Told to crash after its next publish, before it saves its checkpoint. ' : restarted.Relay > 0 ? 'Running again: the watchdog started it after its crash, from its saved checkpoint. ' : 'Running. '}Published up to outbox row #${String(orders?.relayedTo ?? 0)} (its checkpoint); ${String((orders?.outbox ?? []).filter((row) => row.position > (orders?.relayedTo ?? 0)).length)} waiting.`;

  return (
    <div className="workbench" role="group" aria-label="Dual write">
      <p>
        The orders service keeps its orders as rows in a database of its own (current state, no
        event log), and tells the warehouse of each order with a message; the warehouse is another
        service, with a database of its own. Each runs in a worker of its own, and the message
        channel between them tells the sender once the warehouse has stored a message. Crashing a
        worker on command is a simulator feature: the worker ends itself at the named point, and the
        watchdog starts it again.
      </p>
      <fieldset className="choices">
        <legend>{LABELS.publishing}</legend>
        {PUBLISHING.map((way) => (
          <label key={way}>
            <input
              type="radio"
              name={radios}
              value={way}
              checked={publishing === way}
              disabled={busy}
              onChange={() => setPublishing(way)}
            />{' '}
            {LABELS.ways[way]}
          </label>
        ))}
      </fieldset>
      <p id={hintId}>The service’s first step here: {FIRST_STEP[publishing]}.</p>
      <div className="button-row">
        <label>
          <input
            type="checkbox"
            checked={crashService}
            disabled={busy}
            aria-describedby={hintId}
            onChange={(event) => setCrashService(event.target.checked)}
          />{' '}
          {LABELS.crashService}
        </label>
        <label>
          <input
            type="checkbox"
            checked={relayArmed}
            disabled={busy}
            onChange={(event) => void armRelay(event.target.checked)}
          />{' '}
          {LABELS.crashRelay}
        </label>
      </div>
      <div className="button-row">
        <button type="button" disabled={busy} onClick={() => void place()}>
          {LABELS.place}
        </button>
      </div>
      <BenchFailure failed={failed} />
      <p role="status" aria-label="Orders service">
        Orders service: {serviceStatus}
      </p>
      <p role="status" aria-label="Relay">
        Relay: {relayStatus}
      </p>
      {rows.length > 0 && (
        <table className="dual-write-orders" aria-label="Orders and what the warehouse knows">
          <thead>
            <tr>
              <th scope="col">Order, and what happened</th>
              <th scope="col">Orders database</th>
              <th scope="col">Warehouse</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ attempt, found, outboxRow, verdict }) => (
              <tr key={attempt.orderId}>
                <td>
                  {attempt.orderId}, {HOW[attempt.publishing]}
                  {attempt.outcome === 'died' ? ', service crashed' : ''}:{' '}
                  <strong>{verdict.text}</strong>
                </td>
                <td>{ordersCell(found, outboxRow)}</td>
                <td>{warehouseCell(found.pick)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
};
