// The race of src/workers/race.idb.test.ts with two real write workers (two tabs) on one real
// IndexedDB in Chromium: whatever the interleaving, no acknowledged event is lost, none is stored
// twice, positions and versions have no gaps, and of writers that read the same version one wins.
import { expect, test } from './fixtures';
import type { Harness, RaceScenarioFigures } from '../bench/harness';

/** The bench harness page, not the app under baseURL: on the app's port + 9 (playwright.config.ts). */
const HARNESS = `http://localhost:${Number(process.env.E2E_PORT ?? 4173) + 9}/`;

const anomaliesOf = ({ lost, duplicated, gapped, phantom }: RaceScenarioFigures) => ({
  lost,
  duplicated,
  gapped,
  phantom,
});
const none = { lost: 0, duplicated: 0, gapped: 0, phantom: 0 };
const n = (value: number) => value.toLocaleString('en-US');

test('two real write workers racing on one IndexedDB lose, double and skip nothing', async ({
  page,
}) => {
  await page.goto(HARNESS);
  await expect(page.locator('#status')).toHaveAttribute('data-ready', 'true');
  const race = await page.evaluate(() =>
    (window as unknown as { cqrsBench: Harness }).cqrsBench.race(),
  );
  const { stock_split: split, same_version: same, rounds } = race;
  console.log(
    `race of two real write workers: ${n(race.commands)} appends tried in 3 races ` +
      `(${n(split.accepted)} of ${n(split.commands)} orders for 600 units accepted; ` +
      `${n(same.accepted)} of ${n(same.commands)} on one expected version; ` +
      `${n(rounds.one_winner_rounds)} of ${n(rounds.rounds)} rounds with one winner), ` +
      `${n(race.anomalies)} anomalies (lost, duplicated, gapped, phantom), ` +
      `${n(split.handovers)} / ${n(rounds.handovers)} handovers between the tabs in the log, ` +
      `${n(split.ms)} / ${n(same.ms)} / ${n(rounds.ms)} ms`,
  );

  expect(split).toMatchObject({
    commands: 1_000,
    accepted: 600,
    refused: 400,
    events: 1 + 2 * 600,
  });

  expect(same).toMatchObject({ commands: 1_000, accepted: 1, refused: 999, events: 1 + 2 });
  for (const reason of Object.keys(same.reasons))
    expect(reason).toMatch(/changed since it was read/);

  expect(rounds).toMatchObject({ rounds: 500, one_winner_rounds: 500, events: 1 + 2 * 500 });
  expect(rounds).toMatchObject({ accepted: 500, refused: 500 });
  // Both tabs won rounds: the log really passes from one writer to the other.
  expect(rounds.handovers).toBeGreaterThan(0);

  for (const scenario of [split, same, rounds]) expect(anomaliesOf(scenario)).toEqual(none);
  expect(race).toMatchObject({ commands: 3_000, anomalies: 0 });
});
