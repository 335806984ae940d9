// The lab never shows a false state: what is on screen agrees with the log as it is now, after a
// reset, a step back or a chapter, and a view known to be wrong never looks healthy.
import { expect, test } from './fixtures';
import { openChapter } from './page-models/chapter';
import { LabPage, SHOP_VIEWS } from './page-models/labPage';

const mug = (sku: string) => ({ sku, name: 'Blue mug', price: '12.50', stock: '5' });

test.describe('no false state', () => {
  test('time travel reads the log the screen shows, after a reset and while it is open', async ({
    page,
  }) => {
    const lab = new LabPage(page);
    await lab.open();
    const travel = page.getByRole('region', { name: 'Time travel' });
    const moment = travel.locator('.moment-event');
    await lab.addProductSettled(mug('SKU-1'));
    await travel.getByRole('button', { name: 'Start time travel' }).click();
    await expect(moment).toHaveText('As of #1: ProductAdded on product-SKU-1 (version 1)');
    await travel.getByRole('button', { name: 'Back to live' }).click();

    // A new log with an event at the same position: the old copy must not be shown.
    await lab.reset();
    await lab.addProductSettled(mug('SKU-2'));
    await travel.getByRole('button', { name: 'Start time travel' }).click();
    await expect(moment).toHaveText('As of #1: ProductAdded on product-SKU-2 (version 1)');

    // Left open while the log is replaced, it follows the new log.
    await lab.reset();
    await lab.addProductSettled(mug('SKU-3'));
    await expect(moment).toHaveText('As of #1: ProductAdded on product-SKU-3 (version 1)');
    await expect(travel.getByRole('region', { name: 'Stock levels as of #1' })).toContainText(
      'SKU-3',
    );
  });

  test('a step back leaves no phantom head: views, the form and the log agree', async ({
    page,
  }) => {
    const lab = new LabPage(page);
    await lab.open();
    await lab.addProductSettled(mug('SKU-1'));
    for (const view of SHOP_VIEWS)
      await expect(lab.viewStatus(view)).toHaveText('Up to date at #1');
    // One append, five views: five inconsistency windows on the timeline.
    const windows = page.getByRole('region', { name: 'Timeline' }).locator('rect.window');
    await expect(windows).toHaveCount(5);
    await lab.pause();
    await lab.submit('Restock', { SKU: 'SKU-1', Quantity: '3' });
    // The command reaches the write model, then its events reach the five views and the UI.
    await lab.step(7);
    const restock = lab.form('Restock').getByRole('status');
    await expect(restock).toHaveText('Appended ProductRestocked #2');
    await expect(windows).toHaveCount(10);
    for (const view of SHOP_VIEWS)
      await expect(lab.viewStatus(view)).toHaveText('Up to date at #2');

    const stepBack = page.getByRole('button', { name: 'Step back' });
    for (let i = 0; i < 7; i += 1) {
      const before = (await lab.clock.textContent()) ?? '';
      await stepBack.click();
      await expect(lab.clock).not.toHaveText(before);
    }
    await expect(lab.logRows()).toHaveCount(1);
    for (const view of SHOP_VIEWS)
      await expect(lab.viewStatus(view)).toHaveText('Up to date at #1');
    // The timeline forgets the append that is gone, and the windows it opened.
    await expect(windows).toHaveCount(5);
    await expect(restock).toHaveText(
      'Taken back by Step back (a simulator feature; a real event store is append-only): the log no longer holds ProductRestocked #2. Sending it again appends it anew.',
    );
  });

  test('an answer does not outlive its log: a reset or a chapter clears it', async ({ page }) => {
    const lab = new LabPage(page);
    await lab.open();
    await lab.addProductSettled(mug('SKU-2'));
    const answer = page.getByRole('form', { name: 'Query Stock levels' }).getByRole('status');
    await expect(await lab.ask('Stock levels', 'SKU-2')).toContainText(/^SKU-2: 5 available/);
    await lab.reset();
    await expect(answer).toHaveCount(0);

    await expect(await lab.ask('Stock levels', 'SKU-2')).toContainText(/^No product SKU-2 ·/);
    await lab.addProductSettled(mug('SKU-2'));
    await expect(await lab.ask('Stock levels', 'SKU-2')).toContainText(/^SKU-2: 5 available/);
    // The chapter runs on its own stores: the sandbox's answer is not shown there.
    await openChapter(page, 'stale-read', /Chapter 4/);
    await expect(answer).toHaveCount(0);
  });

  test('a question to a stopped view says at once why it waits, and is answered after Restart', async ({
    page,
  }) => {
    const lab = new LabPage(page);
    await lab.open();
    await lab.addProductSettled(mug('SKU-1'));
    await page.getByRole('button', { name: 'Kill Stock levels' }).click();
    await expect(lab.viewStatus('Stock levels')).toHaveText('Stopped at #1');
    const waiting = await lab.ask('Stock levels', 'SKU-1');
    await expect(waiting).toHaveText(
      'Asking Stock levels about SKU-1… Stock levels is stopped: the question waits in its queue until you press Restart Stock levels.',
    );
    await page.getByRole('button', { name: 'Restart Stock levels' }).click();
    await expect(waiting).toContainText(/^SKU-1: 5 available/);
  });

  test('time travel lists only changes it can show, in good English', async ({ page }) => {
    const lab = new LabPage(page);
    await lab.open();
    await lab.addProductSettled(mug('SKU-1'));
    await lab.placeOrder('SKU-1', '2');
    await lab.settled('Place order');
    const orderId = await lab.lastOrderId();
    await lab.submit('Cancel order', { Order: orderId });
    await lab.settled('Cancel order');

    const travel = page.getByRole('region', { name: 'Time travel' });
    await travel.getByRole('button', { name: 'Start time travel' }).click();
    const head = await lab.logLength();
    const slider = travel.getByRole('slider', { name: 'Time travel position' });
    for (let position = 1; position <= head; position += 1) {
      await slider.fill(String(position));
      await expect(travel.locator('.moment-event')).toHaveText(new RegExp(`^As of #${position}:`));
      for (const line of await travel.locator('.diff').allTextContents()) {
        const changes = line.replace(/^#\d+ changed: /, '').split('; ');
        for (const change of changes) {
          const [before, after] = change.split(' → ');
          expect(after, `"${change}" at #${position} changes nothing visible`).not.toBe(before);
        }
      }
    }
    await slider.fill('1');
    await expect(travel.getByRole('region', { name: 'Product search as of #1' })).toContainText(
      '1 product indexed',
    );
  });
});
