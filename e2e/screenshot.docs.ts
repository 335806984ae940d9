// Takes the README's screenshot from the real app: `npm run screenshot` writes docs/screenshot.png.
// It shows the moment after the write model appended an order, with the views still catching up,
// in the light and the dark theme.
import { expect, test } from '@playwright/test';
import { LabPage } from './page-models/labPage';

for (const scheme of ['light', 'dark'] as const)
  test(`README screenshot (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    const lab = new LabPage(page);
    await lab.open();
    await lab.addProduct({ sku: 'SKU-1', name: 'Blue mug', price: '12.50', stock: '5' });
    await expect(lab.logRows()).toHaveCount(1);
    await lab.addProduct({ sku: 'SKU-2', name: 'Teapot', price: '30', stock: '2' });
    await expect(lab.logRows()).toHaveCount(2);
    await lab.placeOrder('SKU-1', '2');
    await expect(lab.viewStatus('Product search')).toHaveText('Up to date at #4');
    await expect(lab.clock).toHaveText(/· 0 pending$/);

    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    await lab.placeOrder('SKU-2', '1');
    await expect(lab.clock).toHaveText(/· 1 pending$/);
    await page.getByRole('button', { name: 'Step forward' }).click();
    await expect(lab.logRows()).toHaveCount(6);
    await page.getByRole('button', { name: 'Step forward' }).click();
    await page.getByRole('button', { name: 'Step forward' }).click();
    await lab.eventLog.getByRole('row').filter({ hasText: 'OrderPlaced' }).first().click();
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({
      path: scheme === 'light' ? 'docs/screenshot.png' : 'docs/screenshot-dark.png',
    });
  });

// Two chapters as a learner meets them, on a laptop and on a phone, in both themes: chapter 1 once
// a prediction is locked in (its task beside the parts it uses), and the stale read once `Show me
// how` has played it (the answer from behind the head on screen).
for (const scheme of ['light', 'dark'] as const)
  for (const [width, height] of [
    [1440, 900],
    [390, 844],
  ] as const)
    for (const [id, title] of [
      ['commands-and-queries', /Chapter 1/],
      ['stale-read', /Chapter 4/],
    ] as const)
      test(`${id} at ${String(width)} (${scheme})`, async ({ page }) => {
        test.setTimeout(120_000);
        await page.setViewportSize({ width, height });
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(`./#/lessons/${id}`);
        const lessons = page.getByRole('region', { name: 'Lessons' });
        await expect(lessons.getByRole('heading', { name: title })).toBeVisible();
        const progress = lessons.getByRole('status', { name: 'Chapter progress' });
        await expect(progress).toHaveText(/^Set up\./, { timeout: 30_000 });
        const prediction = page.getByRole('form', { name: 'Prediction' });
        await prediction.getByRole('radio').first().check();
        await prediction.getByRole('button', { name: 'Lock in my prediction' }).click();
        if (id === 'stale-read') {
          await page.getByRole('button', { name: 'Show me how' }).click();
          await expect(progress).toHaveText(/^Chapter done ✓ /, { timeout: 90_000 });
          await page
            .getByRole('form', { name: 'Query Stock levels' })
            .getByRole('status')
            .scrollIntoViewIfNeeded();
        }
        const suffix = scheme === 'dark' ? '-dark' : '';
        await page.screenshot({ path: `docs/${id}-${String(width)}${suffix}.png` });
      });
