// npm run bench: two real write workers (two tabs) racing on one IndexedDB, audited (the same race
// as e2e/race.spec.ts, which fails on any anomaly; here its figures are kept beside the others).
import { expect, test } from '@playwright/test';
import type { Harness } from './harness';
import { record } from './record';

test('race: two real write workers on one store, audited for lost, doubled and gapped events', async ({
  page,
}) => {
  await page.goto('./');
  await expect(page.locator('#status')).toHaveAttribute('data-ready', 'true');
  const figures = await page.evaluate(() =>
    (window as unknown as { cqrsBench: Harness }).cqrsBench.race(),
  );
  const { stock_split: split, same_version: same, rounds } = figures;
  const audit = (s: typeof split) =>
    `lost ${s.lost}, duplicated ${s.duplicated}, gapped ${s.gapped}, phantom ${s.phantom}`;
  console.log(
    [
      '',
      `race (${figures.commands.toLocaleString('en-US')} commands through two real write workers, ${figures.anomalies} anomalies)`,
      `  1,000 orders for 600 units, all at once   ${split.accepted} accepted in ${split.ms} ms   ${audit(split)}`,
      `  1,000 orders on one expected version      ${same.accepted} accepted in ${same.ms} ms   ${audit(same)}`,
      `  500 rounds of two on one expected version ${rounds.one_winner_rounds} with one winner in ${rounds.ms} ms   ${audit(rounds)}`,
      '',
    ].join('\n'),
  );
  record('race', figures);
});
