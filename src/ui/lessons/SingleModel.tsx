import { useState } from 'react';
import { SOONER_CHOICES, soonerChoice } from '../../lessons/figures';
import { MIXES, summarizeDesign, type DesignSummary, type Mix } from '../../lessons/workload';
import { COMPARISON, compareDesigns } from '../../runtime/comparison';
import { reportActivity } from '../../state/lessons';
import { FigureQuestion } from './FigureQuestion';
import { NumericHeaders } from './NumericHeaders';

type Row = { mix: Mix; single: DesignSummary; split: DesignSummary };

const ms = (value: number | null) => (value === null ? '–' : value.toFixed(1));
/** A time as the table shows it (to 0.1 ms). */
const shown = (value: number | null) => (value === null ? null : Number(value.toFixed(1)));

const DESIGNS = [
  ['single', 'Single model'],
  ['split', 'Split (CQRS, event sourcing, async view)'],
] as const;

/** Chapter 10's bench: one workload, two designs, read latency measured live. */
export const SingleModel = () => {
  const [rows, setRows] = useState<Row[]>([]);
  const [running, setRunning] = useState<Mix | null>(null);
  const [error, setError] = useState<string | null>(null);
  const writeHeavy = rows.find((row) => row.mix === 'write-heavy');

  const run = async (mix: Mix) => {
    setRunning(mix);
    setError(null);
    try {
      const result = await compareDesigns(mix);
      const row = {
        mix,
        single: summarizeDesign(result.single),
        split: summarizeDesign(result.split),
      };
      setRows((all) => [...all.filter((r) => r.mix !== mix), row]);
      reportActivity(`compare:${mix}`);
    } catch (failure) {
      setError(
        `The comparison could not finish: ${failure instanceof Error ? failure.message : String(failure)}`,
      );
    } finally {
      setRunning(null);
    }
  };

  return (
    <div className="workbench" role="group" aria-label="Single model and split design">
      <p>
        Each run sends {COMPARISON.operations} operations at {COMPARISON.ratePerSecond} a second,
        first to the single model, then to the split design, each in its own workers and databases
        (your log is not touched).
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
          ? `Running the ${running} mix: single model, then split design…`
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
        <table aria-label="Design comparison">
          <caption>
            Read and write times are in ms, from the page sending an operation to its answer. p50
            (the median): half the reads, or writes, took this long or less. p95: 95 in 100 did, so
            it shows the slow tail. Possibly stale reads are reads answered behind a write already
            acknowledged: they come from the split design’s asynchronous view, not from CQRS itself.
          </caption>
          <thead>
            <tr>
              <th scope="col">Mix and design</th>
              <NumericHeaders
                headers={['Read p50', 'Read p95', 'Write p50', 'Possibly stale reads', 'Took']}
              />
            </tr>
          </thead>
          <tbody>
            {rows.flatMap((row) =>
              DESIGNS.map(([key, name]) => {
                const design = row[key];
                return (
                  <tr key={`${row.mix}-${key}`}>
                    <th scope="row">
                      {row.mix}: {name}
                    </th>
                    <td className="num">{ms(design.readP50)}</td>
                    <td className="num">{ms(design.readP95)}</td>
                    <td className="num">{ms(design.writeP50)}</td>
                    <td className="num">
                      {design.staleReads} of {design.reads}
                    </td>
                    <td className="num">{(design.elapsedMs / 1000).toFixed(1)} s</td>
                  </tr>
                );
              }),
            )}
          </tbody>
        </table>
      )}
      {writeHeavy && (
        <FigureQuestion
          key={`${ms(writeHeavy.single.readP50)}/${ms(writeHeavy.split.readP50)}`}
          question="On this machine, in the write-heavy mix, which design answered reads sooner (the lower Read p50)?"
          choices={SOONER_CHOICES}
          // Judged on the figures as the table shows them, so what the learner reads decides.
          right={soonerChoice(shown(writeHeavy.single.readP50), shown(writeHeavy.split.readP50))}
          figures={`read p50 ${ms(writeHeavy.single.readP50)} ms for the single model, ${ms(writeHeavy.split.readP50)} ms for the split design, in this run.`}
          activity="compare-reading"
        />
      )}
    </div>
  );
};
