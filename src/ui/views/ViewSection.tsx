import type { ReactNode } from 'react';
import type { ViewName } from '../../domain/views';
import { useLog, useViews } from '../../state/stores';
import { Freshness } from './Freshness';

export type Column<R> = { header: string; cell: (row: R) => ReactNode; numeric?: boolean };

type ViewSectionProps<R> = {
  name: ViewName;
  explain: string;
  columns: readonly Column<R>[];
  rowKey: (row: R) => string;
  order: (a: R, b: R) => number;
  empty: string;
};

/** One read view: its freshness, then its rows, with those the last update changed highlighted. */
export const ViewSection = <R,>({
  name,
  explain,
  columns,
  rowKey,
  order,
  empty,
}: ViewSectionProps<R>) => {
  const view = useViews((s) => s.views[name]);
  const head = useLog((s) => s.head);
  const rows = (Object.values(view?.rows ?? {}) as R[]).sort(order);
  const changed = new Set(view?.lastChanged ?? []);

  return (
    <section aria-label={name} className="view">
      <h3>{name}</h3>
      <p className="explain">{explain}</p>
      {view?.loaded ? (
        <Freshness checkpoint={view.checkpoint} head={Math.max(head, view.head)} />
      ) : (
        <p className="muted">Starting…</p>
      )}
      {rows.length > 0 && (
        <table aria-label={`${name} rows`}>
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
                {columns.map((c) => (
                  <td key={c.header} className={c.numeric ? 'num' : undefined}>
                    {c.cell(row)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {view?.loaded && rows.length === 0 && <p className="empty">{empty}</p>}
    </section>
  );
};
