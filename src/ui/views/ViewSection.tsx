import { useMemo, type ReactNode } from 'react';
import type { ViewName } from '../../domain/views';
import type { Provenance } from '../../state/logView';
import { showProvenance, useLog, useViews } from '../../state/stores';
import { usePaced } from '../paced';
import { Freshness } from './Freshness';
import { ViewControls } from './ViewControls';
import { counted } from '../counted';
import { useSettings } from '../../state/settings';

const MAX_ROWS = 100;

/**
 * A column of a view's table. With provenance, the first column shows the row's key as a button
 * (to the events that built it), followed by whatever `cell` adds.
 */
export type Column<R> = { header: string; cell: (row: R) => ReactNode; numeric?: boolean };

type ViewSectionProps<R> = {
  name: ViewName;
  explain: string;
  columns: readonly Column<R>[];
  rowKey: (row: R) => string;
  order: (a: R, b: R) => number;
  /** Said when the view has no rows to list. */
  empty?: string;
  /** Only rows of this shape are listed (a view may keep helper rows too). */
  show?: (row: unknown) => row is R;
  /** What a row was built from, so the event log can highlight it. */
  provenanceOf?: (row: R) => Provenance;
  /** A query box, or anything else the view offers under its rows. */
  children?: ReactNode;
};

/** One read view: its freshness and controls, then its rows (those the last update changed highlighted). */
export const ViewSection = <R,>({
  name,
  explain,
  columns,
  rowKey,
  order,
  empty,
  show,
  provenanceOf: rowProvenance,
  children,
}: ViewSectionProps<R>) => {
  // Provenance points into the event log: only the design that keeps one has it.
  const hasLog = useSettings((s) => s.design === 'event-sourced');
  const provenanceOf = hasLog ? rowProvenance : undefined;
  const view = usePaced(useViews, (s) => s.views[name]);
  const head = usePaced(useLog, (s) => s.head);
  const viewRows = view?.rows;
  // Sorting thousands of rows is the costly part: do it only when the rows change.
  const sorted = useMemo(() => {
    const all = Object.values(viewRows ?? {});
    return (show ? all.filter(show) : (all as R[])).sort(order);
  }, [viewRows, show, order]);
  const rows = sorted.slice(0, MAX_ROWS);
  // The worker sends the rows this panel shows, and says how many the view holds (with a filter on
  // the kind of row, the count is of those sent).
  const held = show ? sorted.length : Math.max(view?.total ?? 0, sorted.length);
  const changed = new Set(view?.lastChanged ?? []);

  return (
    <section aria-label={name} className="view">
      <h3>{name}</h3>
      <p className="explain">{explain}</p>
      <Freshness
        checkpoint={view?.checkpoint ?? 0}
        head={Math.max(head, view?.head ?? 0)}
        phase={view?.phase ?? 'starting'}
        progress={view?.progress}
        reapplied={view?.reapplied ?? 0}
      />
      {view?.lastRebuild && (view.phase === 'running' || view.phase === 'paused') && (
        <p className="muted rebuilt">
          Rebuilt from #0: {view.lastRebuild.events.toLocaleString('en-US')} events in{' '}
          {Math.round(view.lastRebuild.ms).toLocaleString('en-US')} ms
        </p>
      )}
      {view && (!view.duplicateCheck || view.reapplied > 0) && (
        <p className="warning duplicate-warning">
          {view.duplicateCheck ? '' : 'Duplicate check off. '}
          {view.reapplied > 0
            ? `${counted(view.reapplied, 'event')} applied twice: these rows may be wrong until the view is rebuilt.`
            : 'An event delivered twice will be applied twice.'}
        </p>
      )}
      <ViewControls name={name} />
      {rows.length > 0 && (
        <table aria-label={`${name} rows`}>
          {provenanceOf && columns[0] && (
            <caption>Press a row’s id to highlight its events in the Event log.</caption>
          )}
          <thead>
            <tr>
              {columns.map((c) => (
                <th scope="col" key={c.header} className={c.numeric ? 'num' : undefined}>
                  {c.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={rowKey(row)} className={changed.has(rowKey(row)) ? 'changed' : undefined}>
                {columns.map((c, i) => (
                  <td key={c.header} className={c.numeric ? 'num' : undefined}>
                    {i === 0 && provenanceOf ? (
                      // The row's key is its way to the events it was built from: no extra column.
                      <button
                        type="button"
                        className="row-key"
                        aria-label={`Provenance of ${rowKey(row)}`}
                        title="Highlight the events that built this row"
                        onClick={() => showProvenance({ ...provenanceOf(row), view: name })}
                      >
                        {rowKey(row)}
                      </button>
                    ) : i === 0 ? (
                      // No log to point to in this design: the key alone.
                      rowKey(row)
                    ) : null}
                    {c.cell(row)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {held > rows.length && (
        <p className="muted">
          Showing {rows.length} of {held.toLocaleString('en-US')} rows. Ask the view below for one.
        </p>
      )}
      {empty && view?.loaded && rows.length === 0 && <p className="empty">{empty}</p>}
      {children}
    </section>
  );
};
