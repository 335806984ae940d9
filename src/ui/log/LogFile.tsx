import { useId, useState } from 'react';
import type { ImportMode } from '../../eventstore/importLog';
import { MAX_IMPORT_BYTES } from '../../eventstore/logFile';
import { noteWork } from '../../state/lessons';
import { MAX_SHARE_CHARS, shareHashOf } from '../../lessons/share';
import { learnerRunnerFor, STARTER_PROJECTION } from '../../runtime/learnerProjection';
import { useDelays, useSession } from '../../state/session';
import { useSettings } from '../../state/settings';
import { useLog } from '../../state/stores';
import { useRuntime } from '../runtimeContext';
import { StorageUse } from './StorageUse';
import { counted } from '../counted';
import { download, exportName } from './download';

type Picked = { name: string; text: string; events: number; streams: number };
type Status = { kind: 'idle' | 'busy' | 'ok' | 'error'; text: string };

/** Export the log as a file, and import one: checked line by line, taken whole or not at all. */
export const LogFile = () => {
  const runtime = useRuntime();
  const modeName = useId();
  const [mode, setMode] = useState<ImportMode>('replace');
  const [picked, setPicked] = useState<Picked | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [status, setStatus] = useState<Status>({ kind: 'idle', text: '' });
  const busy = status.kind === 'busy' || !runtime;

  const check = async (chosen: File, as: ImportMode) => {
    if (!runtime) return;
    setPicked(null);
    if (chosen.size > MAX_IMPORT_BYTES) {
      setStatus({
        kind: 'error',
        text: `${chosen.name} is larger than ${String(MAX_IMPORT_BYTES / 1024 / 1024)} MB. Nothing was imported.`,
      });
      return;
    }
    setStatus({ kind: 'busy', text: `Checking ${chosen.name}…` });
    try {
      const text = await chosen.text();
      const checked = await runtime.checkImport(text, as);
      if (!checked.ok) {
        setStatus({
          kind: 'error',
          text: `${chosen.name} cannot be imported: ${checked.line > 0 ? `line ${String(checked.line)}: ` : ''}${checked.reason}. Nothing was imported.`,
        });
        return;
      }
      setPicked({ name: chosen.name, text, events: checked.events, streams: checked.streams });
      setStatus({
        kind: 'ok',
        text: `${chosen.name} is a valid log: ${counted(checked.events, 'event')} in ${counted(checked.streams, 'stream')}.`,
      });
    } catch (error) {
      setStatus({ kind: 'error', text: error instanceof Error ? error.message : String(error) });
    }
  };

  const exportLog = async () => {
    if (!runtime) return;
    setStatus({ kind: 'busy', text: 'Exporting…' });
    try {
      const text = await runtime.exportLog();
      const events = Math.max(0, text.split('\n').filter(Boolean).length - 1);
      download(text, exportName());
      setStatus({ kind: 'ok', text: `Exported ${counted(events, 'event')}.` });
    } catch (error) {
      setStatus({ kind: 'error', text: error instanceof Error ? error.message : String(error) });
    }
  };

  const [link, setLink] = useState<string | null>(null);

  /** A link that sets this session up again: small sessions only, and only what commands built. */
  const share = async () => {
    setLink(null);
    const { commands, unrecorded } = useSession.getState();
    if (unrecorded) {
      setStatus({
        kind: 'error',
        text: `Your log holds events from ${unrecorded === 'earlier visit' ? 'an earlier visit' : unrecorded === 'imported file' ? 'an imported file' : 'the load generator'}, which a link cannot carry. Use Export log to share it as a file.`,
      });
      return;
    }
    // The learner's own projection goes with it, unless it is still the example.
    const saved = runtime
      ? await learnerRunnerFor(runtime)
          .savedCode()
          .catch(() => null)
      : null;
    const projection = saved !== null && saved !== STARTER_PROJECTION ? saved : undefined;
    const what = `${counted(commands.length, 'command')}${projection === undefined ? '' : ' and your projection'}`;
    const hash = shareHashOf({
      domain: useSettings.getState().domain,
      delays: useDelays.getState().delays,
      commands,
      ...(projection === undefined ? {} : { projection }),
    });
    if (hash.length > MAX_SHARE_CHARS) {
      setStatus({
        kind: 'error',
        text: `This session is too large to share by link (${what}, ${hash.length.toLocaleString('en-US')} characters; a link holds at most ${MAX_SHARE_CHARS.toLocaleString('en-US')}). Use Export log to share it as a file.`,
      });
      return;
    }
    const url = `${location.origin}${location.pathname}${hash}`;
    setLink(url);
    try {
      await navigator.clipboard.writeText(url);
      setStatus({ kind: 'ok', text: `Link copied: ${what}.` });
    } catch {
      setStatus({ kind: 'ok', text: 'Copy the link below.' });
    }
  };

  const importLog = async () => {
    if (!runtime || !picked) return;
    const held = useLog.getState().head;
    const question =
      mode === 'replace'
        ? `Replace your log (${counted(held, 'event')}) with the ${counted(picked.events, 'event')} in ${picked.name}? Your current log will be gone: export it first to keep it.`
        : `Append the ${counted(picked.events, 'event')} in ${picked.name} after your log (${counted(held, 'event')})?`;
    if (!window.confirm(question)) return;
    setStatus({ kind: 'busy', text: `Importing ${picked.name} and rebuilding every view…` });
    try {
      const result = await runtime.importLog(picked.text, mode);
      noteWork();
      setPicked(null);
      setFile(null);
      setStatus({
        kind: 'ok',
        text: `Imported ${counted(result.events, 'event')} (#${String(result.from)}–#${String(result.head)}); every view was rebuilt from the log.`,
      });
    } catch (error) {
      setStatus({
        kind: 'error',
        text: error instanceof Error ? error.message : String(error),
      });
    }
  };

  return (
    <section aria-label="Export and import" className="panel log-file">
      <h2>Export and import</h2>
      <p className="explain">
        Save the event log as a file, or load one. A file is checked line by line first and imported
        whole or not at all; the views are then rebuilt from the log. A share link carries a small
        session (its commands and delays) in the address.
      </p>
      <button type="button" disabled={busy} onClick={() => void exportLog()}>
        Export log
      </button>
      <button type="button" className="secondary" disabled={busy} onClick={() => void share()}>
        Copy a share link
      </button>
      {link && (
        <label className="file-pick">
          Share link
          <input readOnly value={link} onFocus={(event) => event.target.select()} />
        </label>
      )}
      <fieldset className="import-mode" disabled={busy}>
        <legend>When importing</legend>
        {(['replace', 'append'] as const).map((value) => (
          <label key={value}>
            <input
              type="radio"
              name={modeName}
              checked={mode === value}
              onChange={() => {
                setMode(value);
                if (file) void check(file, value);
              }}
            />{' '}
            {value === 'replace' ? 'Replace my log' : 'Append to my log (new streams only)'}
          </label>
        ))}
      </fieldset>
      <label className="file-pick">
        Log file to import{' '}
        <input
          type="file"
          accept=".ndjson,.json,.txt,application/x-ndjson,application/json"
          disabled={busy}
          onChange={(event) => {
            const chosen = event.target.files?.[0] ?? null;
            setFile(chosen);
            if (chosen) void check(chosen, mode);
          }}
        />
      </label>
      {picked && (
        <button type="button" disabled={busy} onClick={() => void importLog()}>
          Import {counted(picked.events, 'event')}
        </button>
      )}
      <StorageUse />
      {status.text && (
        <p
          role={status.kind === 'error' ? 'alert' : 'status'}
          className={`feedback ${status.kind === 'error' ? 'feedback-refused' : status.kind === 'ok' ? 'feedback-ok' : ''}`}
        >
          {status.text}
        </p>
      )}
    </section>
  );
};
