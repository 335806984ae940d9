import { useEffect, useId, useState } from 'react';
import { formatMoney, fromCents } from '../../domain/money';
import { buildActivity, VERSIONING_LABELS as LABELS } from '../../lessons/versioningBench';
import {
  startVersioningBench,
  type SalesView,
  type StoredOrder,
  type VersioningBenchClient,
} from '../../runtime/versioningBench';
import { reportActivity } from '../../state/lessons';
import { BenchFailure } from './BenchFailure';
import { useBench } from './useBench';

/** The order revision 2 writes from this bench: 2 Blue mugs, priced in euros. */
const EURO_ORDER = {
  lines: [{ sku: 'SKU-1', name: 'Blue mug', quantity: 2, unitPrice: 17.5 }],
  currency: 'EUR' as const,
};

type Compared = { stored: StoredOrder; upcast: Record<string, unknown> };

/** Where Sales by currency stands, in words. */
const describeView = (view: SalesView): string => {
  if (view.upcaster === null) return 'Not built yet: revision 2 ships it, built from #1.';
  if (view.stopped)
    return `Stopped at #${String(view.stopped.position)}: ${view.stopped.reason}. Its checkpoint stays at #${String(view.position)}, and no later event is applied.`;
  const how = view.upcaster ? 'through the upcaster' : 'as stored';
  return view.position === view.head
    ? `Up to date: at #${String(view.position)}, the head of the bench’s log, reading every event ${how}.`
    : `At #${String(view.position)} of #${String(view.head)}, reading ${how}.`;
};

const json = (value: unknown) => JSON.stringify(value, null, 2);

/** Chapter 13's bench: old and new revisions of OrderPlaced, read with and without an upcaster. */
export const Versioning = () => {
  const [shipped, setShipped] = useState(false);
  const [events, setEvents] = useState<readonly StoredOrder[]>([]);
  const [view, setView] = useState<SalesView | null>(null);
  const [picked, setPicked] = useState(1);
  const [compared, setCompared] = useState<Compared | null>(null);
  const pickId = useId();
  const { bench, busy, failed, run } = useBench({
    start: startVersioningBench,
    prepare: async (api: VersioningBenchClient) => ({
      prepared: await api.prepare(),
      view: await api.view(),
    }),
    ready: ({ prepared, view }) => {
      setShipped(prepared.shipped);
      setEvents(prepared.events);
      setView(view);
    },
    refresh: async (api) => setEvents(await api.log()),
    name: 'versioning bench',
  });

  useEffect(() => {
    if (!bench || events.length === 0) return;
    let current = true;
    bench.compare(picked).then(
      (found) => {
        if (current) setCompared(found);
      },
      () => {
        if (current) setCompared(null);
      },
    );
    return () => {
      current = false;
    };
  }, [bench, picked, events]);

  const build = (upcaster: boolean) =>
    run(async (api) => {
      const built = await api.rebuild({ upcaster });
      setView(built);
      const revisions = new Set((await api.log()).map((e) => e.revision));
      reportActivity(buildActivity(built, revisions));
    });

  const revisionCount = (revision: number) => events.filter((e) => e.revision === revision).length;
  const readsThrough = view?.upcaster !== false;
  return (
    <div className="workbench" role="group" aria-label="Versioning">
      <p>
        A separate bench worker copies the shop’s orders from the lessons’ log into a log of its
        own, exactly as revision 1 stored them, so the rest of the lab goes on with revision 1.
        Sales by currency, the view revision 2 ships, counts the orders placed in each currency and
        their total.
      </p>
      <p role="status" aria-label="Versioning bench">
        {bench
          ? `The bench’s log holds ${String(events.length)} OrderPlaced events: ${String(revisionCount(1))} of revision 1 and ${String(revisionCount(2))} of revision 2. The running code writes revision ${shipped ? '2, with a currency' : '1, without a currency'}.`
          : failed
            ? ''
            : 'Copying the shop’s orders…'}
      </p>
      <BenchFailure failed={failed} />
      <div className="button-row">
        <button
          type="button"
          disabled={busy || shipped}
          onClick={() =>
            void run(async (api) => {
              await api.ship();
              setShipped(true);
              reportActivity('upcast:shipped');
            })
          }
        >
          {LABELS.ship}
        </button>
        <button
          type="button"
          disabled={busy || !shipped}
          aria-describedby={shipped ? undefined : `${pickId}-why`}
          onClick={() =>
            void run(async (api) => {
              const placed = await api.place(EURO_ORDER);
              setView(placed.view);
              reportActivity('upcast:placed');
            })
          }
        >
          {LABELS.place}
        </button>
        <button type="button" disabled={busy} onClick={() => void build(false)}>
          {LABELS.buildPlain}
        </button>
        <button type="button" disabled={busy} onClick={() => void build(true)}>
          {LABELS.buildUpcast}
        </button>
      </div>
      {!shipped && bench && (
        <p id={`${pickId}-why`} className="muted">
          Orders in euros need revision 2: revision 1 has nowhere to write a currency.
        </p>
      )}
      <h4>Sales by currency</h4>
      {view && (
        <p
          role="status"
          aria-label="Sales by currency progress"
          className={view.stopped ? 'feedback feedback-refused' : undefined}
        >
          {describeView(view)}
        </p>
      )}
      {view && view.rows.length > 0 && (
        <table aria-label="Sales by currency">
          <thead>
            <tr>
              <th scope="col">Currency</th>
              <th scope="col" className="num">
                Orders placed
              </th>
              <th scope="col" className="num">
                Total placed
              </th>
            </tr>
          </thead>
          <tbody>
            {view.rows.map((row) => (
              <tr key={row.currency}>
                <td>{row.currency}</td>
                <td className="num">{row.orders}</td>
                <td className="num">{formatMoney(fromCents(row.totalCents))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h4>One event, stored and read</h4>
      <label htmlFor={pickId}>{LABELS.compare}</label>{' '}
      <select
        id={pickId}
        value={picked}
        disabled={events.length === 0}
        onChange={(e) => setPicked(Number(e.target.value))}
      >
        {events.map((e) => (
          <option key={e.position} value={e.position}>
            #{e.position} {e.streamId.replace(/^order-/, '')} (revision {e.revision})
          </option>
        ))}
      </select>
      {compared && (
        <div className="versions-compare">
          <div>
            <p>Stored in the log (revision {compared.stored.revision}):</p>
            <pre className="snapshot-record" aria-label="Stored in the log">
              {json(compared.stored.data)}
            </pre>
          </div>
          <div>
            <p>
              What Sales by currency reads,{' '}
              {readsThrough ? 'through the upcaster' : 'without the upcaster: as stored'}:
            </p>
            <pre className="snapshot-record" aria-label="What the projection reads">
              {json(readsThrough ? compared.upcast : compared.stored.data)}
            </pre>
          </div>
        </div>
      )}
    </div>
  );
};
