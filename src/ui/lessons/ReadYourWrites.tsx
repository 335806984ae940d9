import { useEffect, useRef, useState } from 'react';
import type { AccountBalanceRow } from '../../domain/bank/accountBalances.projection';
import { formatMoney } from '../../domain/money';
import type { Runtime } from '../../runtime/runtime';
import { reportActivity } from '../../state/lessons';
import { useViews } from '../../state/stores';
import { newId } from '../commands/suggestions';
import { NumericHeaders } from './NumericHeaders';
import { useRuntime } from '../runtimeContext';
import { viewsReach } from './viewsReach';
import {
  READ_YOUR_WRITES,
  STRATEGIES,
  summarizeRuns,
  type Strategy,
  type StrategyRun,
} from '../../lessons/readYourWrites';

const VIEW = 'Account balances';
const { from: FROM, to: TO } = READ_YOUR_WRITES;

const balanceIn = (row: unknown): number | null =>
  row && typeof row === 'object' && 'balance' in row ? (row as AccountBalanceRow).balance : null;

/** What the page shows for the account now: the view's row, as the screen last heard of it. */
const shownNow = (): number | null => balanceIn(useViews.getState().views[VIEW]?.rows[FROM]);

/** Reads the balance the way `strategy` does, once the transfer at `position` is acknowledged. */
const readAfter = async (
  runtime: Runtime,
  strategy: Strategy,
  position: number,
): Promise<{ balance: number | null; asOf: number }> => {
  // Waiting: once the view has reached the write, it is asked as usual.
  if (strategy === 'wait') await viewsReach([VIEW], position);
  switch (strategy) {
    case 'wait':
    case 'plain': {
      const answer = await runtime.query(VIEW, { kind: 'key', key: FROM });
      return { balance: balanceIn(answer.data), asOf: answer.asOfPosition };
    }
    case 'write-model': {
      const read = await runtime.writeSide.readAccount(FROM);
      return { balance: read.balance, asOf: read.asOfPosition };
    }
    case 'inline': {
      const read = await runtime.writeSide.readInline(FROM);
      return { balance: balanceIn(read.value), asOf: read.asOfPosition };
    }
    case 'optimistic':
      throw new Error(
        `The page shows no balance for ${FROM} yet, so there is nothing to update optimistically`,
      );
  }
};

type Tried = { run: StrategyRun; text: string; ok: boolean };

/** Transfers `amount` from ACC-1 and shows ACC-1's balance the strategy's way, timing both. */
const tryStrategy = async (
  runtime: Runtime,
  strategy: Strategy,
  amount: number,
): Promise<Tried> => {
  const before = shownNow();
  const sentAt = performance.now();
  const pending = runtime.dispatch({
    type: 'Transfer',
    data: { transferId: newId('TRF'), from: FROM, to: TO, amount },
  });
  // Optimistic: the page shows what it expects at once, before any acknowledgement.
  const optimistic =
    strategy === 'optimistic' && before !== null
      ? { balance: before - amount, shownMs: performance.now() - sentAt }
      : null;
  const outcome = await pending;
  const ackMs = performance.now() - sentAt;
  if (outcome.status !== 'accepted') {
    const rolledBack = optimistic !== null;
    return {
      run: { strategy, ackMs, shownMs: null, stale: false, rolledBack },
      ok: false,
      text: `${outcome.status === 'invalid' ? 'Not a valid transfer' : 'Refused'}: ${outcome.reason}${rolledBack ? ` The optimistic balance (${formatMoney(optimistic.balance)}) was shown anyway, and had to be taken back.` : ''}`,
    };
  }
  const position = Math.max(...outcome.events.map((e) => e.position));
  const read = optimistic
    ? { balance: optimistic.balance, asOf: position }
    : await readAfter(runtime, strategy, position);
  const shownMs = optimistic ? optimistic.shownMs : performance.now() - sentAt;
  const truth = (await runtime.writeSide.readAccount(FROM)).balance;
  const stale = read.balance === null || truth === null || read.balance !== truth;
  const shown = read.balance === null ? 'nothing' : formatMoney(read.balance);
  return {
    run: { strategy, ackMs, shownMs, stale, rolledBack: false },
    ok: !stale,
    text: `Transfer appended at #${String(position)}, acknowledged after ${String(Math.round(ackMs))} ms. ${FROM} shown as ${shown} (as of #${String(read.asOf)}) after ${String(Math.round(shownMs))} ms: ${stale ? `stale, the balance is really ${truth === null ? 'unknown' : formatMoney(truth)}` : 'up to date'}.`,
  };
};

const activityOf = ({ run }: Tried): string =>
  `ryw:${run.strategy}:${run.shownMs === null ? 'refused' : run.stale ? 'stale' : 'fresh'}`;

/** Chapter 5's bench: the same transfer, then the balance read by each of five strategies. */
export const ReadYourWrites = () => {
  const runtime = useRuntime();
  const [amountText, setAmountText] = useState('10');
  const [runs, setRuns] = useState<StrategyRun[]>([]);
  const [last, setLast] = useState<{ text: string; ok: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const inlineOn = useRef(false);
  // Leaving the chapter: later writes should not pay for the inline view.
  useEffect(
    () => () => {
      if (inlineOn.current) void runtime?.writeSide.setInlineView(null);
    },
    [runtime],
  );

  const run = async (strategy: Strategy) => {
    if (!runtime) return;
    setBusy(true);
    setLast(null);
    try {
      // Only the inline strategy's writes pay for the inline view; building it is not timed.
      const wantInline = strategy === 'inline';
      if (wantInline !== inlineOn.current) {
        await runtime.writeSide.setInlineView(wantInline ? VIEW : null);
        inlineOn.current = wantInline;
      }
      const tried = await tryStrategy(runtime, strategy, Number(amountText));
      setRuns((all) => [...all, tried.run]);
      reportActivity(activityOf(tried));
      setLast({ ok: tried.ok, text: tried.text });
    } catch (error) {
      setLast({ ok: false, text: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  };

  const summary = summarizeRuns(runs);
  return (
    <div className="workbench" role="group" aria-label="Read your writes">
      <p>
        Each try transfers money from {FROM} to {TO}, then shows {FROM}’s balance the strategy’s
        way.
      </p>
      <label>
        Amount to transfer{' '}
        <input
          inputMode="decimal"
          size={8}
          value={amountText}
          onChange={(event) => setAmountText(event.target.value)}
        />
      </label>
      <table aria-label="Read-your-writes strategies" className="strategies">
        <caption>
          Read-your-writes strategies. Times are medians, in ms from sending the transfer.
        </caption>
        <thead>
          <tr>
            <th scope="col">Strategy</th>
            <NumericHeaders headers={['Tries', 'Stale', 'Acknowledged', 'Shown']} />
          </tr>
        </thead>
        <tbody>
          {STRATEGIES.map(({ id, name, how }) => {
            const row = summary[id];
            return (
              <tr key={id}>
                <th scope="row">
                  <button
                    type="button"
                    className="small"
                    aria-label={`Try: ${name}`}
                    disabled={busy || !runtime}
                    onClick={() => void run(id)}
                  >
                    Try
                  </button>{' '}
                  {name}
                  <span className="muted strategy-how">{how}</span>
                </th>
                <td className="num">{row.tries}</td>
                <td className="num">
                  {row.stale}
                  {row.rolledBack > 0 && ` (+${String(row.rolledBack)} rolled back)`}
                </td>
                <td className="num">{row.ackMs ?? '–'}</td>
                <td className="num">{row.shownMs ?? '–'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {last && (
        <p role="status" className={`feedback ${last.ok ? 'feedback-ok' : 'feedback-refused'}`}>
          {last.text}
        </p>
      )}
    </div>
  );
};
