// One view in two logs, side by side. Each side is computed from its own log by the view's
// projection (time travel's worker for that log, at its head), so a log whose workers are not
// running can be compared too; rows that differ are marked on both sides.
import { useEffect, useState } from 'react';
import type { ViewName } from '../../domain/views';
import type { Space } from '../../eventstore/space';
import type { Moment } from '../../runtime/runtime';
import { useLog } from '../../state/stores';
import { counted } from '../counted';
import { usePaced } from '../paced';
import { useRuntime } from '../runtimeContext';
import { describeRow } from '../timetravel/describeRow';
import { reasonOf } from './forkActions';

type Side = { space: Space; name: string };

const AT_HEAD = Number.MAX_SAFE_INTEGER;

/** The keys of the rows that read differently in the two logs (or are in only one). */
export const differingRows = (
  view: string,
  left: Record<string, unknown>,
  right: Record<string, unknown>,
): Set<string> =>
  new Set(
    [...new Set([...Object.keys(left), ...Object.keys(right)])].filter(
      (key) => describeRow(view, left[key]) !== describeRow(view, right[key]),
    ),
  );

const Column = ({
  view,
  side,
  moment,
  differs,
}: {
  view: ViewName;
  side: Side;
  moment: Moment;
  differs: Set<string>;
}) => {
  const rows = Object.entries(moment.views[view] ?? {}).sort(([a], [b]) => a.localeCompare(b));
  return (
    <section aria-label={`${view} in ${side.name}`} className="moment-view">
      <h4>
        {side.name} at #{moment.head}
      </h4>
      {rows.length === 0 ? (
        <p className="empty">No rows.</p>
      ) : (
        <ul>
          {rows.map(([key, row]) => (
            <li key={key} className={differs.has(key) ? 'changed' : undefined}>
              {describeRow(view, row)}
              {differs.has(key) && <span className="visually-hidden"> (differs)</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
};

export const Comparison = ({ view, left, right }: { view: ViewName; left: Side; right: Side }) => {
  const runtime = useRuntime();
  // The log running now moves on: its side is computed again (at most once a second).
  const head = usePaced(useLog, (s) => s.head, 1_000);
  const rewrites = usePaced(useLog, (s) => s.rewrites, 1_000);
  const [shown, setShown] = useState<{ left: Moment; right: Moment } | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!runtime) return;
    let current = true;
    Promise.all([runtime.travelIn(left.space, AT_HEAD), runtime.travelIn(right.space, AT_HEAD)])
      .then(([l, r]) => {
        if (!current) return;
        setShown({ left: l, right: r });
        setError(null);
      })
      .catch((e: unknown) => {
        if (current) setError(reasonOf(e));
      });
    return () => {
      current = false;
    };
  }, [runtime, left.space, right.space, head, rewrites]);

  if (error) return <p role="alert">The logs could not be compared: {error}</p>;
  if (!shown) return <p className="muted">Computing {view} from each log…</p>;
  const leftRows = shown.left.views[view] ?? {};
  const rightRows = shown.right.views[view] ?? {};
  const differs = differingRows(view, leftRows, rightRows);
  return (
    <div role="region" aria-label="Comparison" className="fork-comparison">
      <p role="status">
        {left.space === right.space
          ? `${view} in ${left.name} compared with itself: choose two different logs.`
          : differs.size === 0
            ? `${view} reads the same in ${left.name} and ${right.name}.`
            : `${counted(differs.size, 'row')} of ${view} ${differs.size === 1 ? 'differs' : 'differ'} between ${left.name} and ${right.name} (marked).`}
      </p>
      <div className="moment-views fork-sides">
        <Column view={view} side={left} moment={shown.left} differs={differs} />
        <Column view={view} side={right} moment={shown.right} differs={differs} />
      </div>
      <p className="muted">
        Each side is computed from its whole log by the view’s projection, as Time travel does, not
        read from the live view, which can be behind.
      </p>
    </div>
  );
};
