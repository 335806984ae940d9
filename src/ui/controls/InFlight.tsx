import { byDue } from '../../state/flow';
import { useMessages } from '../../state/stores';
import { useControls } from '../runtimeContext';
import { describeMessage } from './describeMessage';
import { usePaced } from '../paced';
import { useMemo } from 'react';

const MAX_SHOWN = 12;

/** Messages on their way, next due first, with the faults a learner can inject into each. */
export const InFlight = () => {
  const controls = useControls();
  const pendingById = usePaced(useMessages, (s) => s.pending);
  const pending = useMemo(() => Object.values(pendingById).sort(byDue), [pendingById]);
  const shown = pending.slice(0, MAX_SHOWN);

  return (
    <section aria-label="Messages in flight" className="in-flight">
      <h2>Messages in flight</h2>
      {/* A box of fixed height that scrolls: messages come and go without moving the page. */}
      <div className="in-flight-box">
        {pending.length === 0 ? (
          <p className="empty">Nothing on its way: every message has been delivered.</p>
        ) : (
          <table aria-label="Messages in flight">
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">Kind</th>
                <th scope="col">From → to</th>
                <th scope="col">Carries</th>
                <th scope="col" className="num">
                  Due (t)
                </th>
                <th scope="col">Faults</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((m) => (
                <tr key={m.id} className={`kind-${m.kind}`}>
                  <td>{m.id}</td>
                  <td>{m.kind}</td>
                  <td>
                    {m.from} → {m.to}
                  </td>
                  <td>{describeMessage(m)}</td>
                  <td className="num">{(m.deliverAt / 1000).toFixed(3)} s</td>
                  <td className="faults">
                    <button
                      type="button"
                      className="small"
                      onClick={() => void controls.drop(m.id)}
                    >
                      Drop #{m.id}
                    </button>
                    <button
                      type="button"
                      className="small"
                      onClick={() => void controls.duplicate(m.id)}
                    >
                      Duplicate #{m.id}
                    </button>
                    <button
                      type="button"
                      className="small"
                      onClick={() => void controls.delayMessage(m.id, 1000)}
                    >
                      Delay #{m.id} by 1 s
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {pending.length > MAX_SHOWN && (
          <p className="muted">…and {(pending.length - MAX_SHOWN).toLocaleString('en-US')} more.</p>
        )}
      </div>
    </section>
  );
};
