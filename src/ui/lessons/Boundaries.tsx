import { useState } from 'react';
import {
  BOUNDARY_LABELS as LABELS,
  MEASURES,
  runActivity,
  type Run,
} from '../../lessons/boundariesBench';
import {
  BOUNDARIES,
  startBoundariesBench,
  THINK_MS,
  WORKLOAD,
  type Boundary,
  type BoundariesBench,
} from '../../runtime/boundariesBench';
import { reportActivity } from '../../state/lessons';
import { BenchFailure } from './BenchFailure';
import { useBench } from './useBench';

const NAMES: Record<Boundary, string> = {
  together: 'Order and stock together',
  apart: 'Order and stock apart',
};

const orders = WORKLOAD.desks * WORKLOAD.ordersPerDesk;

/** Chapter 16's bench: the same orders placed with one consistency boundary, then with two. */
export const Boundaries = () => {
  const [runs, setRuns] = useState<Partial<Record<Boundary, Run>>>({});
  const [running, setRunning] = useState<Boundary | null>(null);
  const { bench, busy, failed, run } = useBench({
    start: () => {
      const started = startBoundariesBench();
      return { api: started, stop: started.stop };
    },
    prepare: () => Promise.resolve(),
    name: 'boundaries bench',
  });

  const go = (boundary: Boundary) =>
    run(async (api: BoundariesBench) => {
      setRunning(boundary);
      try {
        const report = await api.run(boundary);
        setRuns((all) => ({ ...all, [boundary]: report }));
        const activity = runActivity(report);
        if (activity) reportActivity(activity);
      } finally {
        setRunning(null);
      }
    });

  const status = running
    ? `Running: ${String(orders)} orders from ${String(WORKLOAD.desks)} desks at once, ${NAMES[running].toLowerCase()}…`
    : bench
      ? `Ready: ${String(WORKLOAD.desks)} desks will place ${String(WORKLOAD.ordersPerDesk)} orders each, of 1 × ${WORKLOAD.sku}, with ${String(WORKLOAD.stock)} in stock.`
      : 'Starting…';
  const shown = BOUNDARIES.filter((boundary) => runs[boundary]);
  return (
    <div className="workbench" role="group" aria-label="Boundaries">
      <p>
        Four order desks, each a worker of its own, place the same {orders} orders at once. Each
        desk reads what its order decides on, takes {THINK_MS} ms to decide (a simulator feature,
        standing for a request handler’s work) and appends with the version it read; when the stream
        has moved meanwhile, the append is refused and the desk reads and decides again. Apart,
        chapter 15’s process manager reserves the stock after each order is accepted.
      </p>
      <div className="button-row">
        {BOUNDARIES.map((boundary) => (
          <button key={boundary} type="button" disabled={busy} onClick={() => void go(boundary)}>
            {LABELS.run[boundary]}
          </button>
        ))}
      </div>
      <p role="status" aria-label="Boundaries bench">
        {status}
      </p>
      <BenchFailure failed={failed} />
      {shown.length > 0 && (
        <table aria-label="Runs">
          <thead>
            <tr>
              <th scope="col">Measured on this machine</th>
              {shown.map((boundary) => (
                <th key={boundary} scope="col">
                  {NAMES[boundary]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {MEASURES.map((measure) => (
              <tr key={measure.name}>
                <th scope="row">{measure.name}</th>
                {shown.map((boundary) => {
                  const report = runs[boundary];
                  return <td key={boundary}>{report ? measure.of(report) : ''}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
};
