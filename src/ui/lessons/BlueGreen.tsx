import { useEffect, useId, useState } from 'react';
import { askActivity, ASKED_SKU, BLUE_GREEN_LABELS as LABELS } from '../../lessons/blueGreenBench';
import {
  startBlueGreenBench,
  type Asked,
  type BenchStatus,
  type BlueGreenBenchClient,
} from '../../runtime/blueGreenBench';
import { reportActivity } from '../../state/lessons';
import { BenchFailure } from './BenchFailure';
import { useBench } from './useBench';

/** How often the page reads the versions' positions while one is being built. */
const WATCH_MS = 200;

type Answer = Asked & { n: number };
type Row = { available?: number; sold?: number };

const count = (n: number) => n.toLocaleString('en-GB');

/** What one version is doing, in words. */
const roleOf = (status: BenchStatus, version: 1 | 2): string => {
  const state = status.versions.find((v) => v.version === version);
  switch (state?.phase) {
    case 'building':
      return status.inPlace && status.answering === version
        ? 'being rebuilt in place: queries wait for it'
        : 'being built; not asked yet';
    case 'built':
      return status.answering === version
        ? 'answering queries'
        : state.checkpoint < status.head
          ? 'built, catching up with the log'
          : 'built and caught up; not asked yet';
    case 'dropped':
      return 'dropped: its store is deleted';
    default:
      return 'not built';
  }
};

/** One answer, in words. */
const describeAnswer = (answer: Answer): string => {
  const row = answer.row as Row | null;
  const what = row
    ? `${ASKED_SKU} has ${String(row.available)} available${row.sold === undefined ? '' : ` and ${String(row.sold)} sold over its life`}`
    : `${ASKED_SKU} is not in the view yet`;
  const why = answer.duringInPlace
    ? ' It waited for the rebuild in place.'
    : answer.duringBeside && answer.servedBy === 1
      ? ' Version 2 was being built beside it meanwhile; the answer did not wait for that.'
      : '';
  return `Version ${String(answer.servedBy)} answered in ${answer.waitedMs.toFixed(0)} ms, as of #${String(answer.asOfPosition)} of #${String(answer.headPosition)}: ${what}.${why}`;
};

/** Chapter 14's bench: Stock levels rebuilt in place, and built beside itself without downtime. */
export const BlueGreen = () => {
  const [status, setStatus] = useState<BenchStatus | null>(null);
  const [pageMs, setPageMs] = useState(0);
  const [answers, setAnswers] = useState<readonly Answer[]>([]);
  const [building, setBuilding] = useState(false);
  const hintId = useId();
  const { bench, failed, fail } = useBench({
    start: startBlueGreenBench,
    prepare: (api: BlueGreenBenchClient) => api.prepare(),
    ready: (prepared) => {
      setStatus(prepared);
      setPageMs(prepared.pageMs);
    },
    refresh: async (api) => setStatus(await api.status()),
    name: 'blue/green bench',
  });

  // While a version is being built, its position is read a few times a second.
  useEffect(() => {
    if (!bench || !building) return;
    const timer = setInterval(() => {
      bench.status().then(setStatus, () => undefined);
    }, WATCH_MS);
    return () => clearInterval(timer);
  }, [bench, building]);

  /** Runs a build or a switch; asking stays possible meanwhile. */
  const act = async (work: (api: BlueGreenBenchClient) => Promise<BenchStatus>, done?: string) => {
    if (!bench) return;
    setBuilding(true);
    fail(null);
    try {
      setStatus(await work(bench));
      if (done) reportActivity(done);
    } catch (error) {
      fail(error);
    } finally {
      setBuilding(false);
    }
  };

  const ask = async () => {
    if (!bench) return;
    try {
      const asked = await bench.ask(ASKED_SKU);
      setAnswers((all) => [...all, { ...asked, n: all.length + 1 }]);
      reportActivity(askActivity(asked));
    } catch (error) {
      fail(error);
    }
  };

  const v2 = status?.versions.find((v) => v.version === 2);
  const v1 = status?.versions.find((v) => v.version === 1);
  const canCutOver = !building && status?.answering === 1 && v2?.phase === 'built';
  const last = answers.at(-1);
  return (
    <div className="workbench" role="group" aria-label="Blue/green">
      <p>
        A separate bench worker hosts Stock levels twice, each version in a read store of its own
        beside the lessons’ event store. Version 2 also counts the units each product has sold over
        its life, which version 1’s rows cannot give, so it is built from #1. Each build here waits{' '}
        {pageMs} ms between pages of 20 events so that you can ask meanwhile (a simulator feature: a
        real build reads as fast as the store allows).
      </p>
      {!status && !failed && <p role="status">Building version 1 from the log…</p>}
      <BenchFailure failed={failed} />
      {status && (
        <table aria-label="Versions of Stock levels">
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col" className="num">
                Position
              </th>
              <th scope="col">Now</th>
            </tr>
          </thead>
          <tbody>
            {status.versions.map((v) => (
              <tr key={v.version}>
                <td>Version {v.version}</td>
                <td className="num">
                  {v.phase === 'absent' || v.phase === 'dropped'
                    ? '–'
                    : `#${count(v.checkpoint)} of #${count(status.head)}`}
                </td>
                <td>{roleOf(status, v.version)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="button-row">
        <button type="button" disabled={!bench} onClick={() => void ask()}>
          {LABELS.ask}
        </button>
        <button
          type="button"
          disabled={!bench || building || status?.answering !== 1}
          onClick={() => void act((api) => api.rebuildInPlace(), 'bluegreen:rebuilt-in-place')}
        >
          {LABELS.inPlace}
        </button>
        <button
          type="button"
          disabled={!bench || building || v2?.phase !== 'absent'}
          onClick={() => void act((api) => api.buildBeside(), 'bluegreen:built-beside')}
        >
          {LABELS.beside}
        </button>
        <button
          type="button"
          disabled={!bench || !canCutOver}
          aria-describedby={canCutOver ? undefined : hintId}
          onClick={() => void act((api) => api.cutOver(), 'bluegreen:cut-over')}
        >
          {LABELS.cutOver}
        </button>
        <button
          type="button"
          disabled={!bench || building || status?.answering !== 2 || v1?.phase === 'dropped'}
          onClick={() => void act((api) => api.dropOld(), 'bluegreen:dropped')}
        >
          {LABELS.drop}
        </button>
      </div>
      <p id={hintId} className="muted">
        {status?.answering === 2
          ? 'Version 2 answers now; version 1 can be dropped.'
          : 'Cutting over needs version 2 built beside version 1 and caught up with the log.'}
      </p>
      {last && (
        <p role="status" aria-label="Last answer" className="feedback feedback-ok">
          {describeAnswer(last)}
        </p>
      )}
      {answers.length > 0 && (
        <table aria-label="Answers">
          <thead>
            <tr>
              <th scope="col">Asked</th>
              <th scope="col">Served by</th>
              <th scope="col" className="num">
                Took
              </th>
              <th scope="col" className="num">
                As of
              </th>
              <th scope="col" className="num">
                Sold
              </th>
            </tr>
          </thead>
          <tbody>
            {answers.map((a) => (
              <tr key={a.n}>
                <td>{a.n}</td>
                <td>Version {a.servedBy}</td>
                <td className="num">{a.waitedMs.toFixed(0)} ms</td>
                <td className="num">#{a.asOfPosition}</td>
                <td className="num">{(a.row as Row | null)?.sold ?? '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
};
