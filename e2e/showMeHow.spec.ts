import type { Page } from '@playwright/test';
import { scaled } from './cpuSlowdown';
import { expect, test } from './fixtures';
import { openChapter } from './page-models/chapter';

const lockFirstChoice = async (page: Page) => {
  const prediction = page.getByRole('form', { name: 'Prediction' });
  await prediction.getByRole('radio').first().check();
  await prediction.getByRole('button', { name: 'Lock in my prediction' }).click();
  await expect(prediction.getByRole('status')).toHaveText(/^You predicted: /);
};

/** Each step takes a beat to show; a whole chapter may take a while on a slow machine. */
const WHOLE_DEMO = { timeout: scaled(90_000) };

test.describe('Show me how', () => {
  for (const [id, title] of [
    ['commands-and-queries', /Chapter 1/],
    ['stale-read', /Chapter 4/],
    ['failure-and-catch-up', /Chapter 8/],
  ] as const)
    test(`completes ${id} on its own, naming each step`, async ({ page }) => {
      test.setTimeout(scaled(120_000));
      const { progress, errors } = await openChapter(page, id, title);
      await lockFirstChoice(page);
      const demo = page.getByRole('group', { name: 'Show me how' });
      await demo.getByRole('button', { name: 'Show me how' }).click();
      const said = demo.getByRole('status', { name: 'Demonstration' });
      await expect(said).toHaveText(/^Showing step 1 of \d+: /);
      await expect(progress).toHaveText(/^Chapter done ✓ /, WHOLE_DEMO);
      await expect(said).toHaveText(/^Shown: every step ran on the live lab/);
      expect(errors).toEqual([]);
    });

  test('can be paused between steps, and goes on from where it was', async ({ page }) => {
    test.setTimeout(scaled(120_000));
    const { progress } = await openChapter(page, 'commands-and-queries', /Chapter 1/);
    await lockFirstChoice(page);
    const demo = page.getByRole('group', { name: 'Show me how' });
    await demo.getByRole('button', { name: 'Show me how' }).click();
    await demo.getByRole('button', { name: 'Pause the demonstration' }).click();
    const said = demo.getByRole('status', { name: 'Demonstration' });
    await expect(said).toHaveText(/^Paused at step 1 of 2: Place an order/);
    await expect(progress).toHaveText(/^Not done yet/);
    await demo.getByRole('button', { name: 'Go on with the demonstration' }).click();
    await expect(progress).toHaveText(/^Chapter done ✓ /, WHOLE_DEMO);
  });

  // The other chapters' demonstrations, run once each (chapter 10 ends where the learner reads
  // the figures their machine measured: that answer is theirs to give).
  for (const [id, title] of [
    ['events-are-facts', /Chapter 2/],
    ['projections', /Chapter 3/],
    ['read-your-writes', /Chapter 5/],
    ['optimistic-concurrency', /Chapter 6/],
    ['rebuild', /Chapter 7/],
    ['time-travel', /Chapter 9/],
    ['when-not-to-use-cqrs', /Chapter 11/],
    ['snapshots', /Chapter 12/],
    ['upcasting', /Chapter 13/],
    ['blue-green', /Chapter 14/],
    ['process-manager', /Chapter 15/],
    ['consistency-boundaries', /Chapter 16/],
    ['outbox', /Chapter 17/],
  ] as const)
    test(`completes ${id} too`, async ({ page }) => {
      test.setTimeout(scaled(120_000));
      const { progress } = await openChapter(page, id, title);
      await lockFirstChoice(page);
      const demo = page.getByRole('group', { name: 'Show me how' });
      await demo.getByRole('button', { name: 'Show me how' }).click();
      await expect(progress).toHaveText(/^Chapter done ✓ /, WHOLE_DEMO);
    });
});
