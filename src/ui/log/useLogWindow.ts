import { useEffect, useMemo, useState } from 'react';
import type { StoredEvent } from '../../domain/types';
import { keptWindow, type Provenance, type TableWindow } from '../../state/logView';
import { filtersAnything, type LogFilter } from '../../eventstore/logFilter';
import { useLog } from '../../state/stores';
import { usePaced } from '../paced';
import { useRuntime } from '../runtimeContext';

/**
 * The rows the event log table shows, newest first: worked out from the newest events the page
 * keeps when they suffice, otherwise read from storage by the write worker (a long log is never
 * held by the page). While a read is on its way the rows read last stay (positions never change
 * meaning until the log is rewritten).
 */
export const useLogWindow = (
  filter: LogFilter,
  start: number,
  end: number,
  provenance: Provenance | null,
): TableWindow & { reading: boolean } => {
  const runtime = useRuntime();
  const recent = usePaced(useLog, (s) => s.recent);
  const head = usePaced(useLog, (s) => s.head);
  const rewrites = usePaced(useLog, (s) => s.rewrites);
  const kept = useMemo(
    () => keptWindow(recent, head, filter, start, end, provenance),
    [recent, head, filter, start, end, provenance],
  );
  const asked = JSON.stringify([filter.stream.trim().toLowerCase(), filter.type, provenance]);
  const [read, setRead] = useState<{ asked: string; rewrites: number; window: TableWindow } | null>(
    null,
  );
  const needed = kept === null;
  useEffect(() => {
    if (!needed || !runtime) return;
    let live = true;
    runtime.readLog
      .window({
        ...filter,
        offset: start,
        limit: end - start,
        ...(provenance ? { highlight: provenance } : {}),
      })
      .then(
        (window) => {
          if (live)
            setRead({
              asked,
              rewrites,
              window: {
                total: window.total,
                start: window.offset,
                events: window.events,
                highlightIndex: window.highlightIndex,
              },
            });
        },
        () => undefined, // the runtime reports a dead worker itself; the next change asks again
      );
    return () => {
      live = false;
    };
  }, [needed, runtime, filter, start, end, provenance, head, rewrites, asked]);

  if (kept) return { ...kept, reading: false };
  const current = read?.asked === asked && read.rewrites === rewrites ? read.window : null;
  if (!current) return { total: head, start, events: [], highlightIndex: null, reading: true };
  if (filtersAnything(filter) || provenance) return { ...current, reading: false };
  // The whole log: rows stay where their positions put them as the head moves on.
  const first = current.events[0];
  return {
    ...current,
    total: head,
    start: first ? head - first.position : start,
    reading: false,
  };
};

/** The selected event: from the rows at hand, or read from storage when the page does not keep it. */
export const useSelectedEvent = (
  selected: number | null,
  atHand: readonly StoredEvent[],
): StoredEvent | null => {
  const runtime = useRuntime();
  const rewrites = useLog((s) => s.rewrites);
  const found = selected === null ? null : atHand.find((e) => e.position === selected);
  const [read, setRead] = useState<{ event: StoredEvent; rewrites: number } | null>(null);
  useEffect(() => {
    if (selected === null || found || !runtime) return;
    let live = true;
    runtime.readLog.at(selected).then(
      (event) => {
        if (live && event) setRead({ event, rewrites });
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [selected, found, runtime, rewrites]);
  if (selected === null) return null;
  if (found) return found;
  return read?.event.position === selected && read.rewrites === rewrites ? read.event : null;
};
