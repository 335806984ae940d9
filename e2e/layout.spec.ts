// What a learner needs is on screen without scrolling sideways: every view's key column and its
// answer (Stock levels' Available) at 1280 px and up, and nothing at all wider than a 390 px phone.
import { expect, test } from './fixtures';
import { openChapter } from './page-models/chapter';
import { LabPage } from './page-models/labPage';

const VIEW_TABLES = ['Stock levels rows', 'Order status rows', 'Sales dashboard rows'];

/** How far each of these tables reaches past its own box (0: nothing hidden to scroll to). */
const overflows = (lab: LabPage, tables: readonly string[]) =>
  Promise.all(
    tables.map((name) =>
      lab.page
        .getByRole('table', { name })
        .evaluate((table) => table.scrollWidth - table.clientWidth),
    ),
  );

/** How far the page reaches past the window, sideways. */
const pageOverflow = (lab: LabPage) =>
  lab.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

const withAnOrder = async (lab: LabPage) => {
  await lab.open();
  await lab.addProductSettled({ sku: 'SKU-1', name: 'Blue mug', price: '12.50', stock: '5' });
  await lab.placeOrder('SKU-1', '2');
  await lab.settled('Place order');
};

test.describe('layout', () => {
  for (const width of [1280, 1440])
    test(`at ${String(width)} px every view's table shows all its columns`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      const lab = new LabPage(page);
      await withAnOrder(lab);
      await expect(lab.viewRow(lab.stockLevels, 'SKU-1')).toContainText('Blue mug');
      expect(await overflows(lab, VIEW_TABLES)).toEqual([0, 0, 0]);
      await expect(lab.viewRow(lab.stockLevels, 'SKU-1').getByRole('cell').nth(4)).toHaveText('3');
      // Each row's key is the way to the events that built it.
      await expect(
        lab.stockLevels.getByRole('button', { name: 'Provenance of SKU-1' }),
      ).toBeVisible();
      await lab.useDomain('Bank');
      await lab.submit('Open account', { Account: 'ACC-1', Owner: 'Ada Lovelace' });
      await expect(
        lab.accountBalances.getByRole('button', { name: 'Provenance of ACC-1' }),
      ).toBeVisible();
      expect(await overflows(lab, ['Account balances rows'])).toEqual([0]);
    });

  test('at 390 px nothing scrolls sideways: the main screen with messages in flight, and a chapter', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    const lab = new LabPage(page);
    await withAnOrder(lab);
    expect(await overflows(lab, VIEW_TABLES)).toEqual([0, 0, 0]);
    await lab.pause();
    await lab.placeOrder('SKU-1', '1');
    await lab.step();
    await expect(
      page.getByRole('table', { name: 'Messages in flight' }).getByRole('row'),
    ).toHaveCount(1 + 6);
    expect(await pageOverflow(lab)).toBe(0);

    page.once('dialog', (dialog) => void dialog.accept());
    await openChapter(page, 'stale-read', /Chapter 4/);
    await expect(lab.clock).toHaveText(/· 1 pending$/);
    expect(await pageOverflow(lab)).toBe(0);
  });

  test('at 390 px a chapter workbench does not scroll sideways: the two clerks, one refused', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await openChapter(page, 'optimistic-concurrency', /Chapter 6/);
    const lab = new LabPage(page);
    const prediction = page.getByRole('form', { name: 'Prediction' });
    await prediction.getByRole('radio').first().check();
    await prediction.getByRole('button', { name: 'Lock in my prediction' }).click();
    const clerk = (name: string) => page.getByRole('group', { name: `Clerk ${name}` });
    for (const name of ['A', 'B'])
      await clerk(name)
        .getByRole('button', { name: `Clerk ${name}: read SKU-1` })
        .click();
    await clerk('A').getByRole('button', { name: 'Clerk A: sell 1 × SKU-1' }).click();
    await expect(clerk('A').getByRole('status')).toHaveText(/^Sold/);
    await clerk('B').getByRole('button', { name: 'Clerk B: sell 1 × SKU-1' }).click();
    await expect(clerk('B').getByRole('status')).toHaveText(/^Refused/);
    expect(await pageOverflow(lab)).toBe(0);
    // Nor does any of it reach past the right edge, where it would be cut off.
    for (const name of ['A', 'B']) {
      const box = await clerk(name).boundingBox();
      expect((box?.x ?? Infinity) + (box?.width ?? 0), `Clerk ${name}`).toBeLessThanOrEqual(390);
    }
  });
});
