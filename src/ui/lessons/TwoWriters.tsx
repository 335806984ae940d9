import { useEffect, useState } from 'react';
import {
  startRaceWriter,
  type RaceWriterClient,
  type WriterOutcome,
  type WriterRead,
} from '../../runtime/raceWriters';
import { reportActivity } from '../../state/lessons';
import { newId } from '../commands/suggestions';

type Writer = 'A' | 'B';

/** Units Writer A adds in round 3. */
const RESTOCK = 5;
type Round = {
  n: number;
  sku: string;
  title: string;
  about: string;
  /** Whether each append states the version its writer read. */
  checkVersion: boolean;
  /** What Writer A does in this round; Writer B always sells. */
  writerA: 'sell' | 'restock';
};

/** Chapter 6's three rounds, each on a product of its own (the chapter's scenario adds them). */
export const ROUNDS: readonly Round[] = [
  {
    n: 1,
    sku: 'SKU-1',
    title: 'Naive store',
    about:
      'Each append states no version (expected version “any”, which real stores also offer), so nothing checks that the decision was made on the stream as it is now.',
    checkVersion: false,
    writerA: 'sell',
  },
  {
    n: 2,
    sku: 'SKU-2',
    title: 'Version checked on append',
    about:
      'Each append states the version of the product’s stream its writer read, and the store refuses it whole if the stream has moved since.',
    checkVersion: true,
    writerA: 'sell',
  },
  {
    n: 3,
    sku: 'SKU-3',
    title: 'A restock and a sale',
    about: 'Version checked on append, as in round 2; Writer A restocks instead of selling.',
    checkVersion: true,
    writerA: 'restock',
  },
];

const describeRead = (read: WriterRead) =>
  `Read product-${read.sku} at version ${String(read.version)}: ${read.available === null ? 'no such product' : `${String(read.available)} available`}${read.price === null ? '' : `, price ${read.price.toFixed(2)}`}`;

/** A negative number with a typographic minus, as the prediction writes it. */
const minus = (n: number) => (n < 0 ? `−${String(-n)}` : String(n));

/** Whether only restocks moved the stream since the read (they cannot make a sale wrong). */
const onlyRestocked = (movedBy: readonly string[]) =>
  movedBy.length > 0 && movedBy.every((type) => type === 'ProductRestocked');

/** What an outcome says, and what it shows, named by its right name. */
const describeOutcome = (outcome: WriterOutcome, round: Round): { ok: boolean; text: string } => {
  switch (outcome.status) {
    case 'appended': {
      const events = outcome.events.map((e) => `${e.type} #${String(e.position)}`).join(', ');
      const stock = outcome.availableAfter;
      return {
        ok: true,
        text:
          stock !== null && stock < 0
            ? `Appended: ${events}. Folding ${round.sku}’s stream now gives ${minus(stock)} available: more sold than there is, a broken invariant. Nothing was overwritten (both sales are in the log), so this is not a lost update.`
            : `Appended: ${events}.${stock === null ? '' : ` ${String(stock)} available now.`}`,
      };
    }
    case 'refused':
      return {
        ok: false,
        text: `Refused by the rules, on the state this writer read: ${outcome.reason}`,
      };
    case 'conflict': {
      return {
        ok: false,
        text: onlyRestocked(outcome.movedBy)
          ? `Refused: a concurrency conflict. ${outcome.reason} Only a restock happened since the read. It adds stock, so the sale’s decision still holds: a false conflict, the price of checking the whole stream’s version.`
          : `Refused: a concurrency conflict. ${outcome.reason} The stream moved (${outcome.movedBy.join(', ')}) since this writer read it: read again, and the rules decide on what is there now.`,
      };
    }
  }
};

/** What the chapter's check hears of an outcome. */
const report = (outcome: WriterOutcome, round: Round) => {
  if (outcome.status === 'appended' && (outcome.availableAfter ?? 0) < 0)
    reportActivity('race:oversold');
  if (outcome.status !== 'conflict') return;
  if (round.writerA === 'restock' && onlyRestocked(outcome.movedBy))
    reportActivity('race:false-conflict');
  else if (outcome.movedBy.includes('StockReserved')) reportActivity('race:conflict');
};

const WriterPanel = ({
  name,
  round,
  writer,
}: {
  name: Writer;
  round: Round;
  writer: RaceWriterClient | undefined;
}) => {
  const [read, setRead] = useState<WriterRead | null>(null);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const act = async (work: (api: RaceWriterClient) => Promise<void>) => {
    if (!writer) return;
    setBusy(true);
    try {
      await work(writer);
    } catch (error) {
      setResult({ ok: false, text: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  };
  const restocks = name === 'A' && round.writerA === 'restock';
  const decide = () =>
    act(async (api) => {
      if (!read) return;
      const outcome = restocks
        ? await api.restock(round.sku, RESTOCK, round.checkVersion)
        : await api.sell(newId(`ORD-${name}`), round.sku, 1, round.checkVersion);
      report(outcome, round);
      setResult(describeOutcome(outcome, round));
    });
  return (
    <div className="clerk" role="group" aria-label={`Round ${String(round.n)}: Writer ${name}`}>
      <h5>Writer {name}</h5>
      <button
        type="button"
        className="secondary"
        disabled={busy || !writer}
        onClick={() =>
          void act(async (api) => {
            setRead(await api.read(round.sku));
            setResult(null);
          })
        }
      >
        Writer {name}: read {round.sku}
      </button>
      {read && <p className="muted">{describeRead(read)}</p>}
      <button type="button" disabled={!read || busy || !writer} onClick={() => void decide()}>
        {restocks
          ? `Writer ${name}: restock ${String(RESTOCK)} × ${round.sku}`
          : `Writer ${name}: sell 1 × ${round.sku}`}
      </button>
      {result && (
        <p role="status" className={`feedback ${result.ok ? 'feedback-ok' : 'feedback-refused'}`}>
          {result.text}
        </p>
      )}
    </div>
  );
};

/** Two write workers (two servers) on the lab's event store, deciding on what each has read. */
export const TwoWriters = () => {
  const [writers, setWriters] = useState<Record<Writer, RaceWriterClient> | undefined>();
  const [failed, setFailed] = useState<string | null>(null);
  useEffect(() => {
    const a = startRaceWriter('A');
    const b = startRaceWriter('B');
    let stopped = false;
    // The writers' buttons wake once both workers answer.
    Promise.all([a.api.ping(), b.api.ping()]).then(
      () => {
        if (!stopped) setWriters({ A: a.api, B: b.api });
      },
      (error: unknown) => {
        if (!stopped)
          setFailed(
            `The two writers could not start: ${error instanceof Error ? error.message : String(error)}`,
          );
      },
    );
    return () => {
      stopped = true;
      a.stop();
      b.stop();
    };
  }, []);
  return (
    <div className="workbench" role="group" aria-label="Two writers">
      <p>
        Writer A and Writer B are two write workers of their own (as two servers would be), on the
        lab’s event store. Each decides on the product as it last read it; the log and views show
        what they append, as they would show another tab’s.
      </p>
      {failed && (
        <p role="alert" className="feedback feedback-refused">
          {failed}
        </p>
      )}
      {ROUNDS.map((round) => (
        <section key={round.n} aria-label={`Round ${String(round.n)}: ${round.title}`}>
          <h4>
            Round {round.n}: {round.title}
          </h4>
          <p className="muted">{round.about}</p>
          <div className="two-clerks">
            {(['A', 'B'] as const).map((name) => (
              <WriterPanel key={name} name={name} round={round} writer={writers?.[name]} />
            ))}
          </div>
        </section>
      ))}
    </div>
  );
};
