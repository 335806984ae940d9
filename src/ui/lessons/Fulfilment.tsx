import { useEffect, useRef, useState } from 'react';
import { DEAD_AFTER_MS } from '../../runtime/watchdog';
import {
  FULFILMENT_LABELS as LABELS,
  FULFILMENT_STOCK,
  isResent,
  orderActivity,
} from '../../lessons/fulfilmentBench';
import { PAYMENT_WINDOW_MS, type ManagerState } from '../../process/processManager';
import {
  startFulfilment,
  type FulfilmentRuntime,
  type OrderSummary,
  type Sent,
} from '../../runtime/fulfilment';
import { reportActivity } from '../../state/lessons';
import { BenchFailure } from './BenchFailure';
import { FulfilmentFlow } from './FulfilmentFlow';
import { useBench } from './useBench';

/** How often the page reads the orders and the manager. */
const WATCH_MS = 300;

type Row = Sent & { key: string };

const answerText = ({ answer }: Sent): string => {
  switch (answer.kind) {
    case 'appended':
      return `appended ${answer.events.join(', ')}`;
    case 'duplicate':
      return 'already handled under this id: nothing appended';
    case 'rejected':
      return `refused: ${answer.reason ?? ''}`;
    case 'conflict':
      return `conflict: ${answer.reason ?? ''}`;
  }
};

const commandText = ({ command }: Sent): string =>
  `${command.type} ${'orderId' in command ? command.orderId : ''}`.trim();

/** Chapter 15's bench: three aggregates joined by a process manager in a worker of its own. */
export const Fulfilment = () => {
  const [orders, setOrders] = useState<readonly OrderSummary[]>([]);
  const [manager, setManager] = useState<ManagerState | null>(null);
  /** The manager's clock when it was last read. */
  const [clock, setClock] = useState(0);
  const [phase, setPhase] = useState<'running' | 'killed' | 'restarted'>('running');
  const [rows, setRows] = useState<readonly Row[]>([]);
  const instance = useRef(0);
  const reported = useRef(new Set<string>());

  const once = (key: string, activity: string) => {
    if (reported.current.has(key)) return;
    reported.current.add(key);
    reportActivity(activity);
  };

  const {
    bench: runtime,
    failed,
    fail,
  } = useBench({
    start: () => {
      const started = startFulfilment({
        onRestart: () => {
          instance.current += 1;
          setPhase('restarted');
          reportActivity('pm:restarted');
        },
      });
      return { api: started, stop: started.stop };
    },
    // A fresh start: the manager forgets, the log is emptied, the stock comes in.
    prepare: async (started: FulfilmentRuntime) => {
      await started.manager().reset();
      await started.fulfilment.reset();
      await started.fulfilment.addStock(FULFILMENT_STOCK.sku, FULFILMENT_STOCK.quantity, 'stock');
    },
    name: 'fulfilment bench',
  });
  const ready = runtime !== undefined;

  // The orders and the manager, read a few times a second: what each aggregate and the process say.
  useEffect(() => {
    const started = runtime;
    if (!started) return;
    const timer = setInterval(() => {
      const at = instance.current;
      void started.fulfilment.orders().then(
        (found) => {
          setOrders(found);
          for (const order of found) {
            const activity = orderActivity(order);
            if (activity) once(`${order.orderId} ${activity}`, activity);
            if (order.payment === 'requested') once(`${order.orderId} paying`, 'pm:paying');
          }
        },
        () => undefined,
      );
      void Promise.all([
        started.manager().state(),
        started.manager().sent(),
        started.manager().now(),
      ]).then(
        ([state, sent, now]) => {
          setManager(state);
          setClock(now);
          setRows((all) => [
            ...all.filter((row) => !row.key.startsWith(`${String(at)}-`)),
            ...sent.map((one, i) => ({ ...one, key: `${String(at)}-${String(i)}` })),
          ]);
          for (const one of sent) {
            if (isResent(one)) once(`resent ${one.commandId}`, 'pm:resent');
            if (state.outbox.some((e) => e.commandId === one.commandId))
              once(`unsaved ${one.commandId}`, 'pm:answer-unsaved');
          }
        },
        () => undefined,
      );
    }, WATCH_MS);
    return () => clearInterval(timer);
  }, [runtime]);

  const act = (work: (rt: FulfilmentRuntime) => Promise<unknown>) => {
    if (!runtime) return;
    fail(null);
    work(runtime).catch(fail);
  };

  const awaiting = orders.filter((order) => order.payment === 'requested');
  const unsaved = manager?.outbox.filter((e) => rows.some((r) => r.commandId === e.commandId));
  const underWay = Object.values(manager?.processes ?? {}).filter(
    (p) => p.stage !== 'confirmed' && p.stage !== 'cancelled',
  ).length;
  const status =
    phase === 'killed'
      ? `Killed. The watchdog asks it every second whether it is alive, and starts it again once a question has waited ${String(DEAD_AFTER_MS / 1000)} s.`
      : manager
        ? `${phase === 'restarted' ? 'Running again, started by the watchdog from what it saved' : 'Running'}: reacted to the log up to #${String(manager.checkpoint)}; ${String(underWay)} process${underWay === 1 ? '' : 'es'} under way; ${String(manager.outbox.length)} command${manager.outbox.length === 1 ? '' : 's'} in its outbox${unsaved && unsaved.length > 0 ? ` (${unsaved.map((e) => e.command.type).join(', ')} answered, the answer not saved yet)` : ''}.`
        : 'Starting…';
  return (
    <div className="workbench" role="group" aria-label="Fulfilment">
      <p>
        The order, the stock of SKU-1 and each order’s payment are separate aggregates here, each
        deciding alone, in a fulfilment worker with a log of its own. The process manager, in a
        worker of its own, reacts to their events with commands. It saves its state, its checkpoint
        and its outbox together; after each answer it waits 1.5 s before saving it (a simulator
        feature: the window in which a crash makes it send that command again).
      </p>
      <p role="status" aria-label="Process manager">
        {status}
      </p>
      <FulfilmentFlow manager={manager} killed={phase === 'killed'} />
      <BenchFailure failed={failed} />
      <div className="button-row">
        <button
          type="button"
          disabled={!ready}
          onClick={() => act((rt) => rt.fulfilment.placeOrder(FULFILMENT_STOCK.sku, 2, 2500))}
        >
          {LABELS.place}
        </button>
        <button
          type="button"
          disabled={!ready || phase === 'killed'}
          onClick={() => act((rt) => rt.manager().advance(PAYMENT_WINDOW_MS))}
        >
          {LABELS.clock}
        </button>
        <button
          type="button"
          disabled={!ready || phase === 'killed'}
          onClick={() => {
            runtime?.kill();
            setManager(null);
            setPhase('killed');
            reportActivity('pm:killed');
          }}
        >
          {LABELS.kill}
        </button>
      </div>
      {orders.length > 0 && (
        <table aria-label="Orders">
          <thead>
            <tr>
              <th scope="col">Order</th>
              <th scope="col">Stock</th>
              <th scope="col">Payment</th>
              <th scope="col">Order state</th>
            </tr>
          </thead>
          <tbody>
            {orders.map((order) => (
              <tr key={order.orderId}>
                <td>{order.orderId}</td>
                <td>{order.stock}</td>
                <td>{order.payment}</td>
                <td>{order.order}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {awaiting.length > 0 && (
        <div role="group" aria-label="Payment provider">
          <p>The payment provider has been asked for:</p>
          <ul>
            {awaiting.map((order) => {
              const dueAt = manager?.processes[order.orderId]?.dueAt;
              return (
                <li key={order.orderId}>
                  {order.orderId}: its payment runs out{' '}
                  {dueAt == null
                    ? 'once the manager has saved the request'
                    : dueAt > clock
                      ? `in ${String(Math.ceil((dueAt - clock) / 1000))} s on the manager’s clock`
                      : 'now: the manager expires it'}
                </li>
              );
            })}
          </ul>
          <div className="button-row">
            {awaiting.flatMap((order) => [
              <button
                key={`pay ${order.orderId}`}
                type="button"
                onClick={() => act((rt) => rt.fulfilment.settle(order.orderId, true))}
              >
                {LABELS.pay(order.orderId)}
              </button>,
              <button
                key={`decline ${order.orderId}`}
                type="button"
                onClick={() => act((rt) => rt.fulfilment.settle(order.orderId, false))}
              >
                {LABELS.decline(order.orderId)}
              </button>,
            ])}
          </div>
        </div>
      )}
      {rows.length > 0 && (
        <table aria-label="Commands the process manager sent">
          <thead>
            <tr>
              <th scope="col">Command, and its id</th>
              <th scope="col">Write model’s answer</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                <td>
                  {commandText(row)}
                  {row.again ? ', sent again after a restart' : ''}
                  <br />
                  <code>{row.commandId}</code>
                </td>
                <td>{answerText(row)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
};
