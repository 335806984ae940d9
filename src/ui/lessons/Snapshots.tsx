import { useState } from 'react';
import { formatMoney, fromCents } from '../../domain/money';
import { LONG_ACCOUNT } from '../../lessons/chapters/story';
import {
  SNAPSHOT_EVERY,
  SNAPSHOT_LABELS as LABELS,
  snapshotActivity,
} from '../../lessons/snapshotBench';
import {
  startSnapshotBench,
  type LoadResult,
  type Shape,
  type SnapshotBenchClient,
} from '../../runtime/snapshotBench';
import { reportActivity } from '../../state/lessons';
import { BenchFailure } from './BenchFailure';
import { useBench } from './useBench';

const { accountId } = LONG_ACCOUNT;
const count = (n: number) => n.toLocaleString('en-GB');

type Held = { version: number; shape: Shape; state: { balanceCents: number; movements?: number } };
type Row = LoadResult & { n: number };

/** What one load did, in words. */
const describeLoad = (load: Row): string => {
  const folded = `folded ${count(load.folded)} event${load.folded === 1 ? '' : 's'}`;
  const took = `in ${load.ms.toFixed(1)} ms`;
  if (load.discarded !== null)
    return `The snapshots were taken in state shape 1, which lacks the movement count this code keeps: all of them were thrown away (the newest was at version ${count(load.discarded)}), ${accountId} was folded from its first event (${count(load.folded)} events) ${took}, and snapshots were taken again in shape ${String(load.shape)}.`;
  return load.from > 0
    ? `Read the snapshot at version ${count(load.from)} and ${folded} after it ${took}.`
    : `No snapshot used: ${folded}, the whole stream, ${took}.`;
};

/** Chapter 12's bench: one account's long stream, loaded with and without a snapshot. */
export const Snapshots = () => {
  const [shape, setShape] = useState<Shape>(1);
  const [held, setHeld] = useState<readonly Held[]>([]);
  const [loads, setLoads] = useState<readonly Row[]>([]);
  const { bench, busy, failed, run } = useBench({
    start: startSnapshotBench,
    // The account's long history is written first: the buttons wake once it is in the log.
    prepare: async (api: SnapshotBenchClient) => {
      await api.prepare(accountId, LONG_ACCOUNT.version);
      return api.held(accountId);
    },
    ready: setHeld,
    refresh: async (api) => setHeld(await api.held(accountId)),
    name: 'snapshot loader',
  });

  const load = (useSnapshot: boolean) =>
    run(async (api) => {
      const result = await api.load(accountId, { useSnapshot, shape, every: SNAPSHOT_EVERY });
      setLoads((all) => [...all, { ...result, n: all.length + 1 }]);
      reportActivity(snapshotActivity(result));
    });

  const newest = held.at(-1);
  const last = loads.at(-1);
  return (
    <div className="workbench" role="group" aria-label="Snapshots">
      <p>
        A separate loader worker reads {accountId}, the shop’s account, from the lessons’ event
        store, as a write model would before deciding a command on it, and times each load on this
        machine. Snapshots are kept in a database of their own, beside the log.
      </p>
      <p role="status" aria-label="Snapshot loader">
        {bench
          ? `${accountId}’s stream is at version ${count(LONG_ACCOUNT.version)}. State shape ${String(shape)}${shape === 2 ? ' (it counts movements too)' : ''}.`
          : failed
            ? ''
            : `Writing ${accountId}’s history: ${count(LONG_ACCOUNT.version - 1)} payments in and out…`}
      </p>
      <BenchFailure failed={failed} />
      <div className="button-row">
        <button type="button" disabled={busy} onClick={() => void load(false)}>
          {LABELS.loadAll}
        </button>
        <button
          type="button"
          disabled={busy}
          onClick={() =>
            void run(async (api) => {
              await api.takeEvery(accountId, SNAPSHOT_EVERY, shape);
              reportActivity('snapshot:taken');
            })
          }
        >
          {LABELS.take}
        </button>
        <button type="button" disabled={busy} onClick={() => void load(true)}>
          {LABELS.loadFromSnapshot}
        </button>
        <button
          type="button"
          disabled={busy || shape === 2}
          onClick={() => {
            setShape(2);
            reportActivity('snapshot:shape-2');
          }}
        >
          {LABELS.shipShape}
        </button>
        <button
          type="button"
          disabled={busy || held.length === 0}
          onClick={() =>
            void run(async (api) => {
              await api.drop(accountId);
              reportActivity('snapshot:dropped');
            })
          }
        >
          {LABELS.drop}
        </button>
      </div>
      {last && (
        <p role="status" aria-label="Last load" className="feedback feedback-ok">
          {describeLoad(last)}
        </p>
      )}
      <h4>Snapshots kept beside the log</h4>
      {newest ? (
        <>
          <p>
            At versions {held.map((s) => count(s.version)).join(', ')}, in state shape{' '}
            {String(newest.shape)}. The newest, as stored:
          </p>
          <pre className="snapshot-record" aria-label="Newest snapshot">
            {JSON.stringify(
              {
                streamId: `account-${accountId}`,
                version: newest.version,
                shape: newest.shape,
                state: newest.state,
              },
              null,
              2,
            )}
          </pre>
        </>
      ) : (
        <p className="muted">None: every load folds the stream from its first event.</p>
      )}
      {loads.length > 0 && (
        <table aria-label="Loads of the account">
          <thead>
            <tr>
              <th scope="col">From</th>
              <th scope="col" className="num">
                Folded
              </th>
              <th scope="col" className="num">
                Balance
              </th>
              <th scope="col" className="num">
                Took
              </th>
            </tr>
          </thead>
          <tbody>
            {loads.map((row) => (
              <tr key={row.n}>
                <td>{row.from > 0 ? `snapshot ${count(row.from)}` : 'event 1'}</td>
                <td className="num">{count(row.folded)}</td>
                <td className="num">{formatMoney(fromCents(row.state.balanceCents))}</td>
                <td className="num">{row.ms.toFixed(1)} ms</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
};
