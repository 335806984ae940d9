import { useEffect, useState } from 'react';
import { sizeByPart, type CodePart } from '../../lessons/codeSize';
import { singleModelTrip } from '../../runtime/comparison';
import type { Runtime } from '../../runtime/runtime';
import { SOONER_CHOICES, soonerChoice } from '../../lessons/figures';
import { reportActivity } from '../../state/lessons';
import { useViews } from '../../state/stores';
import { newId } from '../commands/suggestions';
import { usePaced } from '../paced';
import { useRuntime } from '../runtimeContext';
import { FigureQuestion } from './FigureQuestion';
import { viewsReach } from './viewsReach';

const SHOP_VIEWS = ['Order status', 'Stock levels', 'Sales dashboard', 'Product search'];

// The lab's own source, loaded only when this chapter is open, to count what each design needs.
const SOURCES = import.meta.glob(
  [
    '../../domain/**/*.ts',
    '../../eventstore/*.ts',
    '../../readstore/*.ts',
    '../../writemodel/writeModel.ts',
    '../../projection/projectionHost.ts',
    '../../singlemodel/*.ts',
    '!**/*.test.ts',
  ],
  { query: '?raw', import: 'default' },
) as Record<string, () => Promise<string>>;

const loadSizes = async () => {
  const entries = await Promise.all(
    Object.entries(SOURCES).map(
      async ([path, load]) => [path.replace(/^(\.\.\/)+/, ''), await load()] as const,
    ),
  );
  return sizeByPart(Object.fromEntries(entries));
};

type Trip = {
  split: { ackMs: number; visibleMs: number; views: number };
  single: { writeMs: number; readMs: number };
};

/** One order through the live split system, then through a single model, timed from the page. */
const measureTrip = async (runtime: Runtime, views: readonly string[]): Promise<Trip> => {
  const sentAt = performance.now();
  const outcome = await runtime.dispatch({
    type: 'PlaceOrder',
    data: { orderId: newId('ORD'), lines: [{ sku: 'SKU-1', quantity: 1 }] },
  });
  if (outcome.status !== 'accepted') throw new Error(`The order was refused: ${outcome.reason}`);
  const ackMs = performance.now() - sentAt;
  const position = Math.max(...outcome.events.map((e) => e.position));
  await viewsReach(views, position);
  const visibleMs = performance.now() - sentAt;
  const single = await singleModelTrip();
  return { split: { ackMs, visibleMs, views: views.length }, single };
};

const whole = (ms: number) => `${String(Math.round(ms))} ms`;

/** Chapter 11's bench: what the split costs, counted on the live system. */
export const Costs = () => {
  const runtime = useRuntime();
  const running = usePaced(useViews, (s) =>
    SHOP_VIEWS.filter((v) => s.views[v]?.phase === 'running').join('\n'),
  );
  const views = running ? running.split('\n') : [];
  const [code, setCode] = useState<Record<CodePart, number> | null>(null);
  const [trip, setTrip] = useState<Trip | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    loadSizes().then(
      (sizes) => live && setCode(sizes),
      () => live && setError('The source files could not be loaded to count them.'),
    );
    return () => {
      live = false;
    };
  }, []);

  const measure = async () => {
    if (!runtime) return;
    setBusy(true);
    setError(null);
    try {
      setTrip(await measureTrip(runtime, views));
      reportActivity('costs-measured');
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };

  const lines = (part: CodePart) => (code ? code['shared rules'] + code[part] : null);
  const rows: [string, string, string][] = [
    [
      'Workers',
      `${String(2 + views.length)}: bus, write model, ${String(views.length)} views`,
      '1',
    ],
    ['Databases', `${String(1 + views.length)}: the log and one per view`, '1'],
    [
      'Lines of code (the shared rules counted in both; the lab’s simulated bus in neither)',
      lines('split only')?.toLocaleString('en-US') ?? '…',
      lines('single model only')?.toLocaleString('en-US') ?? '…',
    ],
    [
      'One order acknowledged after',
      trip ? whole(trip.split.ackMs) : '–',
      trip ? whole(trip.single.writeMs) : '–',
    ],
    [
      'Every read shows it after',
      trip ? `${whole(trip.split.visibleMs)} (slowest of ${String(trip.split.views)} views)` : '–',
      trip ? `${whole(trip.single.readMs)} (the same store)` : '–',
    ],
  ];

  return (
    <div className="workbench" role="group" aria-label="Costs">
      <button type="button" disabled={busy || !runtime} onClick={() => void measure()}>
        Measure one order’s trip
      </button>
      <table aria-label="What each design costs">
        <thead>
          <tr>
            <th scope="col">Cost</th>
            <th scope="col">Split (CQRS, event sourcing, async views), as running here</th>
            <th scope="col">Single model</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([cost, split, single]) => (
            <tr key={cost}>
              <th scope="row">{cost}</th>
              <td>{split}</td>
              <td>{single}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">
        The split’s times include the lab’s simulated delivery delays (each view’s Delay); a real
        system has its own in their place: a network, a broker or a polling interval.
      </p>
      {trip && (
        <FigureQuestion
          key={`${whole(trip.single.readMs)}/${whole(trip.split.visibleMs)}`}
          question="On this machine, after which design did every read show the new order sooner?"
          choices={SOONER_CHOICES}
          // Judged on the figures as the table shows them (whole ms).
          right={soonerChoice(Math.round(trip.single.readMs), Math.round(trip.split.visibleMs))}
          figures={`every read showed it after ${whole(trip.single.readMs)} with the single model, and after ${whole(trip.split.visibleMs)} with the split design (its views wait for their deliveries).`}
          activity="costs-reading"
        />
      )}
      {error && (
        <p role="alert" className="feedback feedback-refused">
          {error}
        </p>
      )}
    </div>
  );
};
