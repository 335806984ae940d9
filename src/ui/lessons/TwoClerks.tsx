import { useState } from 'react';
import { reportActivity } from '../../state/lessons';
import { useLog, useViews } from '../../state/stores';
import { newId } from '../commands/suggestions';
import { useRuntime } from '../runtimeContext';

const SKU = 'SKU-1';
const STREAM = `product-${SKU}`;

type Read = { version: number; available: number | undefined };
type Result = { ok: boolean; text: string };

/** What a clerk sees when they look: the stream's version in the log, and Stock levels' count. */
const readNow = (): Read => {
  const version = useLog.getState().events.filter((e) => e.streamId === STREAM).length;
  const row = useViews.getState().views['Stock levels']?.rows[SKU] as
    { available?: number } | undefined;
  return { version, available: row?.available };
};

/** The types of the stream's events after `version`: what moved it since a clerk read it. */
const movedSince = (version: number): string[] =>
  useLog
    .getState()
    .events.filter((e) => e.streamId === STREAM && e.version > version)
    .map((e) => e.type);

const Clerk = ({ name }: { name: 'A' | 'B' }) => {
  const runtime = useRuntime();
  const [read, setRead] = useState<Read | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const [busy, setBusy] = useState(false);

  const sell = async () => {
    if (!runtime || !read) return;
    setBusy(true);
    try {
      const outcome = await runtime.dispatch(
        {
          type: 'PlaceOrder',
          data: { orderId: newId(`ORD-${name}`), lines: [{ sku: SKU, quantity: 1 }] },
        },
        { [STREAM]: read.version },
      );
      if (outcome.status === 'accepted') {
        reportActivity('sold');
        setResult({
          ok: true,
          text: `Sold: ${outcome.events.map((e) => `${e.type} #${String(e.position)}`).join(', ')}`,
        });
      } else {
        const { reason } = outcome;
        // Refused while the stream had moved on since this clerk read it: the write model checks
        // the version before the rules, so this is the stale-read refusal. If only restocks moved
        // it, the sale was still right: the whole-stream check refused it anyway.
        const moved = movedSince(read.version);
        const falseConflict =
          moved.length > 0 && moved.every((type) => type === 'ProductRestocked');
        reportActivity(
          falseConflict ? 'refused-false-conflict' : moved.length > 0 ? 'refused-stale' : 'refused',
        );
        setResult({
          ok: false,
          text: falseConflict
            ? `Refused: ${reason} Only a restock happened since: the sale was still right, so this is a false conflict, the price of checking the whole stream’s version.`
            : `Refused: ${reason}`,
        });
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="clerk" role="group" aria-label={`Clerk ${name}`}>
      <h4>Clerk {name}</h4>
      <button
        type="button"
        className="secondary"
        onClick={() => {
          setRead(readNow());
          setResult(null);
        }}
      >
        Clerk {name}: read {SKU}
      </button>
      {read && (
        <p className="muted">
          Read {STREAM} at version {read.version}
          {read.available !== undefined && `, ${String(read.available)} available`}
        </p>
      )}
      <button type="button" disabled={!read || busy || !runtime} onClick={() => void sell()}>
        Clerk {name}: sell 1 × {SKU}
      </button>
      {result && (
        <p role="status" className={`feedback ${result.ok ? 'feedback-ok' : 'feedback-refused'}`}>
          {result.text}
        </p>
      )}
    </div>
  );
};

/** Two clerks, each reading the product and then selling it with the version they read. */
export const TwoClerks = () => (
  <div className="two-clerks">
    <Clerk name="A" />
    <Clerk name="B" />
  </div>
);
