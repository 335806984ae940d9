// Names each stored row of the log that the code could not read (see eventstore/storedRow.ts), says
// what the lab does with it (keeps it aside), and offers the two ways out: export the readable
// events, or remove the row for good.
import { useState } from 'react';
import { showNotice } from '../../state/stores';
import { useUnreadable } from '../../state/unreadable';
import { counted } from '../counted';
import { useRuntime } from '../runtimeContext';
import { download, exportName } from './download';

const why = (error: unknown) => (error instanceof Error ? error.message : String(error));

export const UnreadableRows = () => {
  const runtime = useRuntime();
  const { rows, more } = useUnreadable();
  const [confirming, setConfirming] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  if (rows.length === 0) return null;
  const headline =
    rows.length === 1 && !more
      ? `Row #${String(rows[0]?.position)} of your event log cannot be read as an event.`
      : `${more ? 'More than ' : ''}${counted(rows.length, 'row')} of your event log cannot be read as events.`;

  const exportReadable = async () => {
    if (!runtime) return;
    setBusy(true);
    try {
      const text = await runtime.exportLog();
      download(text, exportName());
      const events = Math.max(0, text.split('\n').filter(Boolean).length - 1);
      showNotice(
        `Exported ${counted(events, 'event')}: every readable one, numbered without the unreadable ${rows.length === 1 ? 'row' : 'rows'}.`,
      );
    } catch (error) {
      showNotice(`The log could not be exported: ${why(error)}`);
    } finally {
      setBusy(false);
    }
  };

  const remove = async (position: number) => {
    if (!runtime) return;
    setBusy(true);
    try {
      await runtime.removeUnreadable(position);
      showNotice(
        `Row #${String(position)} was removed. The events after it moved up one position, and every view was rebuilt from the log.`,
      );
    } catch (error) {
      showNotice(`Row #${String(position)} was not removed: ${why(error)}`);
    } finally {
      setBusy(false);
      setConfirming(null);
    }
  };

  return (
    <section className="banner banner-unreadable" aria-label="Unreadable rows">
      <p role="alert">
        {headline} The lab keeps {rows.length === 1 ? 'it' : 'them'} aside: no command is decided on{' '}
        {rows.length === 1 ? 'it' : 'them'} and no view applies {rows.length === 1 ? 'it' : 'them'},
        so everything else goes on working. Such a row can be left by a tab that crashed mid-write,
        another version of the app or a browser extension.
      </p>
      <ul>
        {rows.map((row) => (
          <li key={row.position}>
            <strong>#{row.position}</strong>
            {row.streamId ? ` (stream ${row.streamId})` : ''}: {row.reason}{' '}
            {confirming === row.position ? (
              <span className="confirm">
                Remove it for good? The events after it move up one position.{' '}
                <button
                  type="button"
                  className="small"
                  disabled={busy || !runtime}
                  onClick={() => void remove(row.position)}
                >
                  Yes, remove row #{row.position}
                </button>{' '}
                <button
                  type="button"
                  className="small secondary"
                  onClick={() => setConfirming(null)}
                >
                  Keep it
                </button>
              </span>
            ) : (
              <button
                type="button"
                className="small"
                disabled={busy || !runtime}
                onClick={() => setConfirming(row.position)}
              >
                Remove row #{row.position}
              </button>
            )}
          </li>
        ))}
      </ul>
      <p>
        <button
          type="button"
          className="small secondary"
          disabled={busy || !runtime}
          onClick={() => void exportReadable()}
        >
          Export the readable events
        </button>{' '}
        saves every readable event to a file, numbered without {rows.length === 1 ? 'it' : 'them'}.
      </p>
    </section>
  );
};
