import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { openChapter } from './page-models/chapter';

const lockFirstChoice = async (page: Page) => {
  const prediction = page.getByRole('form', { name: 'Prediction' });
  await prediction.getByRole('radio').first().check();
  await prediction.getByRole('button', { name: 'Lock in my prediction' }).click();
  await expect(prediction.getByRole('status')).toHaveText(/^You predicted: /);
};

test.describe('a chapter’s focus', () => {
  test('chapter 1 shows only the parts it uses; Show the whole lab shows the rest and keeps the chapter as it was', async ({
    page,
  }) => {
    const { progress } = await openChapter(page, 'commands-and-queries', /Chapter 1/);
    const region = (name: string) => page.getByRole('region', { name, exact: true });
    for (const shown of ['Commands', 'Stock levels', 'Event log'])
      await expect(region(shown), shown).toBeVisible();
    for (const hidden of ['Flow', 'Timeline', 'Charts', 'Time travel', 'Order status', 'Load'])
      await expect(region(hidden), hidden).toHaveCount(0);
    await expect(page.getByRole('radiogroup', { name: 'Design' })).toHaveCount(0);

    await lockFirstChoice(page);
    const whole = page.getByRole('button', { name: 'Show the whole lab' });
    await expect(whole).toHaveAttribute('aria-pressed', 'false');
    await whole.click();
    await expect(whole).toHaveAttribute('aria-pressed', 'true');
    for (const shown of ['Flow', 'Timeline', 'Charts', 'Time travel', 'Order status'])
      await expect(region(shown), shown).toBeVisible();
    // The chapter was not set up again: the prediction is still locked in, the task still open.
    await expect(progress).toHaveText(/^Not done yet\. Done when: /);
    await expect(page.getByRole('form', { name: 'Prediction' }).getByRole('status')).toHaveText(
      /^You predicted: /,
    );

    await whole.click();
    await expect(region('Flow')).toHaveCount(0);
    await expect(region('Commands')).toBeVisible();
  });

  for (const [id, title, named] of [
    ['commands-and-queries', /Chapter 1/, ['Place order', 'Ask Stock levels']],
    ['stale-read', /Chapter 4/, ['Step forward', 'Ask Stock levels']],
    ['failure-and-catch-up', /Chapter 8/, ['Kill Stock levels', 'Place order']],
  ] as const)
    test(`at 1440×900 ${id}’s task and the controls it names are in view together`, async ({
      page,
    }) => {
      await page.setViewportSize({ width: 1440, height: 900 });
      await openChapter(page, id, title);
      await lockFirstChoice(page);
      await expect(page.getByText('Your task:')).toBeInViewport();
      for (const name of named)
        await expect(page.getByRole('button', { name, exact: true }), name).toBeInViewport();
    });

  test('the sandbox, with no chapter open, is the whole lab', async ({ page }) => {
    await page.goto('./');
    for (const name of ['Commands', 'Flow', 'Timeline', 'Charts', 'Event log', 'Time travel'])
      await expect(page.getByRole('region', { name, exact: true }), name).toBeVisible();
    await expect(page.getByRole('button', { name: 'Show the whole lab' })).toHaveCount(0);
  });
});
