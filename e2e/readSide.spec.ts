import { scaled } from './cpuSlowdown';
import { expect, test } from './fixtures';
import { LabPage, SHOP_VIEWS } from './page-models/labPage';

test.describe('the read side', () => {
  test('paused, one order becomes messages that each step delivers one at a time', async ({
    page,
  }) => {
    const lab = new LabPage(page);
    await lab.open();
    await lab.addProduct({ sku: 'SKU-1', name: 'Blue mug', price: '12.50', stock: '5' });
    const clock = page.getByRole('status', { name: 'Simulation clock' });
    await expect(clock).toHaveText(/· 0 pending$/);
    for (const view of SHOP_VIEWS)
      await expect(lab.viewStatus(view)).toHaveText('Up to date at #1');

    await lab.pause();
    await lab.placeOrder('SKU-1', '2');
    await expect(clock).toHaveText(/· 1 pending$/);
    await expect(lab.form('Place order').getByRole('status')).toHaveText(/on its way/);
    await expect(lab.logRows()).toHaveCount(1);

    // Step 1 hands the command to the write model: the events are in the log, and every view
    // (five of them) and the UI now have a message on its way.
    await lab.step();
    await expect(lab.logRows()).toHaveCount(3);
    await expect(clock).toHaveText(/· 6 pending$/);
    for (const view of SHOP_VIEWS)
      await expect(lab.viewStatus(view)).toHaveText('2 behind: at #1, head #3');

    // Every further step delivers exactly one message: one view catches up, or the UI hears back.
    const upToDate = async () => {
      const states = await Promise.all(SHOP_VIEWS.map((v) => lab.viewStatus(v).textContent()));
      return SHOP_VIEWS.filter((_, i) => states[i] === 'Up to date at #3');
    };
    // A view counts as caught up once the message for it has left the queue: poll until the
    // views that say "Up to date" are exactly those whose message has been delivered.
    const delivered = async () => {
      const texts = await page.getByRole('region', { name: 'Messages in flight' }).textContent();
      return SHOP_VIEWS.filter((v) => !(texts ?? '').includes(`Write model → ${v}`));
    };
    for (let pending = 6; pending > 0; pending -= 1) {
      await page.keyboard.press('ArrowRight');
      await expect(clock).toHaveText(new RegExp(`· ${pending - 1} pending$`));
      await expect
        .poll(async () => {
          const [now, done] = await Promise.all([upToDate(), delivered()]);
          return now.sort().join() === done.sort().join();
        })
        .toBe(true);
    }
    await expect.poll(async () => (await upToDate()).sort()).toEqual([...SHOP_VIEWS].sort());
    await expect(lab.form('Place order').getByRole('status')).toHaveText(
      'Appended OrderPlaced #2, StockReserved #3',
    );
    await expect(page.getByRole('button', { name: 'Step forward' })).toBeDisabled();
  });

  test('step back takes a delivery back: the view is behind again and the message is pending', async ({
    page,
  }) => {
    const lab = new LabPage(page);
    await lab.open();
    await lab.pause();
    await lab.addProduct({ sku: 'SKU-1', name: 'Blue mug', price: '12.50', stock: '5' });
    const clock = page.getByRole('status', { name: 'Simulation clock' });
    await expect(clock).toHaveText(/· 1 pending$/);
    await lab.step();
    await expect(lab.logRows()).toHaveCount(1);
    await lab.step();
    await expect(clock).toHaveText(/· 5 pending$/);

    await page.getByRole('button', { name: 'Step back' }).click();
    await expect(clock).toHaveText(/· 6 pending$/);
    for (const view of SHOP_VIEWS)
      await expect(lab.viewStatus(view)).toHaveText('1 behind: at #0, head #1');

    // Back past the command: the event is no longer in the log, the command is pending again.
    await page.keyboard.press('ArrowLeft');
    await expect(clock).toHaveText(/· 1 pending$/);
    await expect(lab.logRows()).toHaveCount(0);
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    for (const view of SHOP_VIEWS)
      await expect(lab.viewStatus(view)).toHaveText('Up to date at #1');
    await expect(lab.logRows()).toHaveCount(1);
  });

  test('a dropped delivery leaves a gap that the next delivery closes from the event store', async ({
    page,
  }) => {
    const lab = new LabPage(page);
    await lab.open();
    await lab.addProductSettled({ sku: 'SKU-1', name: 'Blue mug', price: '12.50', stock: '5' });
    await page.keyboard.press('Space');
    await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();

    await lab.placeOrder('SKU-1', '1');
    await expect(lab.clock).toHaveText(/· 1 pending$/);
    await lab.step();
    await expect(lab.logRows()).toHaveCount(3);
    const inFlight = page.getByRole('table', { name: 'Messages in flight' });
    const toOrderStatus = inFlight
      .getByRole('row')
      .filter({ hasText: 'Write model → Order status' });
    await expect(toOrderStatus).toHaveCount(1);
    await toOrderStatus.getByRole('button', { name: /^Drop #/ }).click();
    await expect(toOrderStatus).toHaveCount(0);

    await page.keyboard.press('Space');
    await expect(lab.viewStatus('Stock levels')).toHaveText('Up to date at #3');
    await expect(lab.viewStatus('Order status')).toHaveText('2 behind: at #1, head #3');

    // The next order's delivery starts at #4: the view sees the gap and reads #2–#3 from the log.
    await lab.placeOrder('SKU-1', '2');
    await expect(lab.viewStatus('Order status')).toHaveText('Up to date at #5');
    await expect(
      lab.orderStatus.getByRole('table', { name: 'Order status rows' }).getByRole('row'),
    ).toHaveCount(3);
  });

  test('a slow Stock levels answers a query with stale data, marked as behind, then fresh', async ({
    page,
  }) => {
    const lab = new LabPage(page);
    await lab.open();
    await lab.addProduct({ sku: 'SKU-1', name: 'Blue mug', price: '12.50', stock: '5' });
    await expect(lab.viewStatus('Stock levels')).toHaveText('Up to date at #1');
    await lab.setDelay('Stock levels', 5000);

    // Paused and stepped: the query reaches Stock levels before its events, in virtual time,
    // however slow the machine.
    await lab.pause();
    await lab.placeOrder('SKU-1', '2');
    await lab.step();
    await expect(lab.viewStatus('Stock levels')).toHaveText('2 behind: at #1, head #3');
    const stale = await lab.ask('Stock levels', 'SKU-1');
    await lab.stepUntilAnswered(stale);
    await expect(stale).toHaveText(
      'SKU-1: 5 available · Possibly stale: as of #1, head #3 (2 behind) · served by Stock levels',
    );
    // Playing again, the view's mail is handed over once its 5 s delay has passed.
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await expect(lab.viewStatus('Stock levels')).toHaveText('Up to date at #3', {
      timeout: scaled(15_000),
    });
    const fresh = await lab.ask('Stock levels', 'SKU-1');
    await expect(fresh).toHaveText(
      'SKU-1: 3 available · Fresh: as of #3, head #3 · served by Stock levels',
    );
  });

  test('a view’s delay goes back to its default: the slider and the mail both', async ({
    page,
  }) => {
    const lab = new LabPage(page);
    await lab.open();
    const reset = page.getByRole('button', { name: 'Set Stock levels delay to default' });
    await expect(reset).toBeDisabled(); // already at its default
    await lab.setDelay('Stock levels', 2000);
    await reset.click();
    await expect(page.getByRole('slider', { name: 'Stock levels delay' })).toHaveValue('120');
    await expect(reset).toBeDisabled();

    // The bus took it too: the product's event for Stock levels is due well before 2 s.
    await lab.pause();
    await lab.addProduct({ sku: 'SKU-1', name: 'Blue mug', price: '12.50', stock: '5' });
    await lab.step(); // the command reaches the write model; its event sets off to each view
    const toStock = page
      .getByRole('table', { name: 'Messages in flight' })
      .getByRole('row')
      .filter({ hasText: 'Write model → Stock levels' });
    await expect(toStock.getByRole('cell').nth(4)).toHaveText(/^0\.\d{3} s$/);
  });

  test('a killed view stops, misses nothing, and catches up when restarted', async ({ page }) => {
    const lab = new LabPage(page);
    await lab.open();
    await lab.addProduct({ sku: 'SKU-1', name: 'Blue mug', price: '12.50', stock: '5' });
    await expect(lab.viewStatus('Stock levels')).toHaveText('Up to date at #1');

    await lab.stockLevels.getByRole('button', { name: 'Kill Stock levels' }).click();
    await expect(lab.viewStatus('Stock levels')).toHaveText('Stopped at #1');
    await lab.placeOrder('SKU-1', '2');
    await expect(lab.viewStatus('Order status')).toHaveText('Up to date at #3');
    await expect(lab.viewStatus('Stock levels')).toHaveText('Stopped at #1');

    await lab.stockLevels.getByRole('button', { name: 'Restart Stock levels' }).click();
    await expect(lab.viewStatus('Stock levels')).toHaveText('Up to date at #3');
    await expect(lab.viewRow(lab.stockLevels, 'SKU-1').getByRole('cell').nth(4)).toHaveText('3');
  });

  test('a paused view holds its mail; resumed, it catches up', async ({ page }) => {
    const lab = new LabPage(page);
    await lab.open();
    await lab.orderStatus.getByRole('button', { name: 'Pause Order status' }).click();
    await lab.addProduct({ sku: 'SKU-1', name: 'Blue mug', price: '12.50', stock: '5' });
    await lab.placeOrder('SKU-1', '1');
    await expect(lab.viewStatus('Stock levels')).toHaveText('Up to date at #3');
    await expect(lab.viewStatus('Order status')).toHaveText('Paused at #0');
    await lab.orderStatus.getByRole('button', { name: 'Resume Order status' }).click();
    await expect(lab.viewStatus('Order status')).toHaveText('Up to date at #3');
  });

  test('Rebuild Order status replays the log from 0 and ends as it was', async ({ page }) => {
    const lab = new LabPage(page);
    await lab.open();
    await lab.fastest();
    await lab.addProduct({ sku: 'SKU-1', name: 'Blue mug', price: '12.50', stock: '9' });
    for (const quantity of ['1', '2', '3']) {
      await lab.placeOrder('SKU-1', quantity);
      await expect(lab.form('Place order').getByRole('status')).toHaveText(/^Appended/);
    }
    await expect(lab.viewStatus('Order status')).toHaveText('Up to date at #7');
    const rows = lab.orderStatus.getByRole('table', { name: 'Order status rows' });
    const before = await rows.textContent();

    await lab.orderStatus.getByRole('button', { name: 'Rebuild Order status' }).click();
    await expect(lab.orderStatus.getByText(/^Rebuilt from #0: 7 events in \d+ ms$/)).toBeVisible();
    await expect(lab.viewStatus('Order status')).toHaveText('Up to date at #7');
    expect(await rows.textContent()).toBe(before);
  });

  test('Product search finds a product by a misspelt name', async ({ page }) => {
    const lab = new LabPage(page);
    await lab.open();
    await lab.fastest();
    await lab.addProductSettled({ sku: 'SKU-1', name: 'Blue mug', price: '12.50', stock: '9' });
    await expect(lab.logRows()).toHaveCount(1);
    await lab.addProduct({ sku: 'SKU-2', name: 'Teapot', price: '30', stock: '1' });
    await expect(lab.viewStatus('Product search')).toHaveText('Up to date at #2');
    await expect(await lab.ask('Product search', 'tepot')).toHaveText(
      /^Teapot \(SKU-2, 30\.00\) · Fresh: as of #2/,
    );
  });

  test('Reset asks first, then clears the log and every view', async ({ page }) => {
    const lab = new LabPage(page);
    await lab.open();
    await lab.fastest();
    await lab.addProductSettled({ sku: 'SKU-1', name: 'Blue mug', price: '12.50', stock: '9' });
    await expect(lab.logRows()).toHaveCount(1);
    await page.getByRole('button', { name: 'Reset' }).click();
    await page
      .getByRole('alertdialog', { name: 'Reset the lab?' })
      .getByRole('button', { name: 'Cancel' })
      .click();
    await expect(lab.logRows()).toHaveCount(1);
    await lab.reset();
    await expect(lab.logRows()).toHaveCount(0);
    await expect(lab.viewStatus('Stock levels')).toHaveText('Up to date at #0');
    await expect(lab.stockLevels.getByRole('table')).toHaveCount(0);
    await page.reload();
    await expect(lab.viewStatus('Stock levels')).toHaveText('Up to date at #0');
    await expect(lab.logRows()).toHaveCount(0);
  });
});
