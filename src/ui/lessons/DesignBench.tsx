import { useState } from 'react';
import {
  DESIGN_IDS,
  DESIGN_NAMES,
  explainRun,
  STALE_CHOICES,
  staleChoice,
  type DesignId,
} from '../../lessons/designFigures';
import { MIXES, summarizeDesign, type DesignSummary, type Mix } from '../../lessons/workload';
import { COMPARISON, compareDesigns } from '../../runtime/comparison';
import { reportActivity } from '../../state/lessons';
import { FigureQuestion } from './FigureQuestion';
import { NumericHeaders } from './NumericHeaders';

type Row = { mix: Mix; runs: Record<DesignId, DesignSummary> };

/** What each design does with an order, shown once the learner has made a prediction. */
const HOW: Record<DesignId, string> = {
  'one-model':
    'an order updates the products’ current state in place, and a stock query reads those same rows, in the same worker.',
  'same-transaction':
    'an order updates the state and the Stock levels rows in one transaction; a reader in a second worker reads those rows.',
  'after-commit':
    'an order updates the state and adds one outbox row per event, in one transaction; then a relay, inside the write side’s worker, sends one message per event to the Stock levels view, which runs in a worker of its own.',
  'event-sourced':
    'an order appends its events to a log, the only record kept; after the commit they are sent to the Stock levels view, in a worker of its own, which catches up from the log if it misses any.',
};

const ms = (value: number | null) => (value === null ? '–' : value.toFixed(1));

const cores = () =>
  typeof navigator !== 'undefined' && navigator.hardwareConcurrency > 0
    ? navigator.hardwareConcurrency
    : null;

/** Chapter 10's bench: one workload, four designs, each measured live in its own workers. */
export const DesignBench = () => {
  const [rows, setRows] = useState<Row[]>([]);
  const [running, setRunning] = useState<Mix | null>(null);
  const [error, setError] = useState<string | null>(null);

  const run = async (mix: Mix) => {
    setRunning(mix);
    setError(null);
    try {
      const result = await compareDesigns(mix);
      const summaries = Object.fromEntries(
        DESIGN_IDS.map((id) => [id, summarizeDesign(result.runs[id])]),
      ) as Record<DesignId, DesignSummary>;
      setRows((all) => [...all.filter((r) => r.mix !== mix), { mix, runs: summaries }]);
      reportActivity(`compare:${mix}`);
    } catch (failure) {
      setError(
        `The comparison could not finish: ${failure instanceof Error ? failure.message : String(failure)}`,
      );
    } finally {
      setRunning(null);
    }
  };

  const staleFigures = rows
    .flatMap((row) => DESIGN_IDS.map((id) => String(row.runs[id].staleReads)).join('/'))
    .join(' ');

  return (
    <div className="workbench" role="group" aria-label="Four designs">
      <p>How each design carries an order, and where a stock read goes:</p>
      <ul>
        {DESIGN_IDS.map((id) => (
          <li key={id}>
            <strong>{DESIGN_NAMES[id]}</strong>: {HOW[id]}
          </li>
        ))}
      </ul>
      <p>
        Each run sends {COMPARISON.operations} operations at {COMPARISON.ratePerSecond} a second to
        each design in turn, each in its own workers and databases, started for its run and stopped
        after it (your log is not touched).
      </p>
      <div className="button-row">
        {MIXES.map((mix) => (
          <button
            key={mix.id}
            type="button"
            disabled={running !== null}
            onClick={() => void run(mix.id)}
          >
            Run the {mix.name.toLowerCase()}
          </button>
        ))}
      </div>
      <p role="status" className="muted">
        {running
          ? `Running the ${running} mix through each design in turn…`
          : rows.length === 0
            ? 'No runs yet.'
            : 'Done. Run again to see how much the figures move from run to run.'}
      </p>
      {error && (
        <p role="alert" className="feedback feedback-refused">
          {error}
        </p>
      )}
      {rows.length > 0 && (
        <p className="muted">
          Times are in ms, from the page sending an operation to its answer. p50 (the median): half
          took this long or less; p95: 95 in 100 did, so it shows the slow tail. Possibly stale
          reads: reads that missed a write acknowledged before they were sent. Staleness window: the
          longest time between a write’s acknowledgement and a later read that still missed it, and
          the most events such a read was behind.
        </p>
      )}
      {rows.map((row) => (
        <div key={row.mix} className="wide-table">
          <table aria-label={`Design comparison: ${row.mix} mix`} className="design-table">
            <caption>{MIXES.find((mix) => mix.id === row.mix)?.name}</caption>
            <thead>
              <tr>
                <th scope="col">Design</th>
                <NumericHeaders
                  headers={[
                    'Write p50',
                    'Write p95',
                    'Read p50',
                    'Read p95',
                    'Possibly stale reads',
                    'Staleness window',
                    'Window in events',
                  ]}
                />
              </tr>
            </thead>
            <tbody>
              {DESIGN_IDS.map((id) => {
                const design = row.runs[id];
                return (
                  <tr key={id}>
                    <th scope="row">{DESIGN_NAMES[id]}</th>
                    <td className="num">{ms(design.writeP50)}</td>
                    <td className="num">{ms(design.writeP95)}</td>
                    <td className="num">{ms(design.readP50)}</td>
                    <td className="num">{ms(design.readP95)}</td>
                    <td className="num">
                      {design.staleReads} of {design.reads}
                    </td>
                    <td className="num">{ms(design.stalenessMs)}</td>
                    <td className="num">{design.stalenessEvents}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ))}
      {rows.map((row) => (
        <section key={row.mix} aria-label={`What the ${row.mix} run shows`}>
          <h4>What the {row.mix} run shows</h4>
          <ul>
            {explainRun(row.runs, cores()).map((sentence) => (
              <li key={sentence}>{sentence}</li>
            ))}
          </ul>
        </section>
      ))}
      {rows.length > 0 && (
        <FigureQuestion
          key={staleFigures}
          question="In the runs shown, which designs answered a read that missed a write already acknowledged?"
          choices={STALE_CHOICES}
          // Judged on the figures shown: whatever these runs measured decides.
          right={staleChoice(rows.map((row) => row.runs))}
          figures={`possibly stale reads per design, in table order: ${staleFigures}.`}
          activity="compare-reading"
        />
      )}
    </div>
  );
};
