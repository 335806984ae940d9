import { scaled } from './cpuSlowdown';
import { expect, test } from './fixtures';
import { LabPage, SHOP_VIEWS } from './page-models/labPage';
import { readStore } from './page-models/storage';

const VIEWS = [
  'Order status',
  'Stock levels',
  'Sales dashboard',
  'Product search',
  'Account balances',
];

test.describe('the main screen', () => {
  test('nothing moves the page as messages come and go: the empty notes and the in-flight list keep their size', async ({
    page,
  }) => {
    const lab = new LabPage(page);
    await lab.open();
    const top = () =>
      lab.eventLog.evaluate((table) => table.getBoundingClientRect().top + window.scrollY);
    const notes = page.getByText(
      /^(Charts appear once the first command is accepted|Deliveries will appear here as messages arrive)\.$/,
    );
    const inFlight = page.getByRole('table', { name: 'Messages in flight' }).getByRole('row');
    // The charts (and their note) are fetched when their panel nears the screen.
    await page.getByRole('region', { name: 'Charts' }).scrollIntoViewIfNeeded();
    await expect(notes).toHaveCount(2);
    const before = await top();
    // A learner who aims at the log while messages travel must hit what they aimed at.
    await lab.pause();
    await lab.addProduct({ sku: 'SKU-1', name: 'Blue mug', price: '12.50', stock: '5' });
    await expect(inFlight).toHaveCount(1 + 1);
    expect(await top()).toBe(before);
    // The command arrives: one outcome and five deliveries of the event are now on their way.
    await lab.step();
    await expect(inFlight).toHaveCount(1 + 6);
    await expect(notes).toHaveCount(0);
    expect(await top()).toBe(before);
    await lab.step(6);
    await expect(inFlight).toHaveCount(0);
    expect(await top()).toBe(before);
  });

  test('one order, step by step: tokens on their edges, windows shaded until each view applies it', async ({
    page,
  }) => {
    const lab = new LabPage(page);
    await lab.open();
    await lab.addProductSettled({ sku: 'SKU-1', name: 'Blue mug', price: '12.50', stock: '5' });
    await lab.pause();

    const flow = page.getByRole('region', { name: 'Flow' });
    const tokens = flow.locator('[data-kind]');
    const timeline = page.getByRole('region', { name: 'Timeline' });
    const openWindows = timeline.locator('rect.window[data-open="true"]');

    await lab.placeOrder('SKU-1', '2');
    await expect(lab.clock).toHaveText(/· 1 pending$/);
    await expect(tokens).toHaveCount(1);
    await expect(flow.locator('[data-edge="UI → Write model"][data-kind="command"]')).toHaveCount(
      1,
    );
    await expect(openWindows).toHaveCount(0);

    // The command reaches the write model: two events are appended and travel to every view;
    // the outcome travels back to the UI. Every view now has an open inconsistency window.
    await lab.step();
    await expect(tokens).toHaveCount(6);
    for (const view of VIEWS)
      await expect(
        flow.locator(`[data-edge="Write model → ${view}"][data-kind="events"]`),
      ).toHaveCount(1);
    await expect(flow.locator('[data-edge="Write model → UI"][data-kind="outcome"]')).toHaveCount(
      1,
    );
    await expect(openWindows).toHaveCount(5);
    for (const view of VIEWS)
      await expect(
        timeline.locator(`rect.window[data-view="${view}"][data-open="true"]`),
      ).toHaveCount(1);

    // Each step hands over one message; a view's window closes exactly when its events arrive.
    for (let left = 6; left > 0; left -= 1) {
      await lab.step();
      await expect(tokens).toHaveCount(left - 1);
      // A handed-over message leaves the flow at once; its view closes its window once it has
      // applied the events, a moment later.
      await expect
        .poll(async () => {
          const open = await openWindows.evaluateAll((rects) =>
            rects.map((r) => r.getAttribute('data-view') ?? ''),
          );
          const waiting = await Promise.all(
            VIEWS.map((view) => flow.locator(`[data-edge="Write model → ${view}"]`).count()),
          );
          const expected = VIEWS.filter((_, i) => waiting[i] === 1);
          return [...open].sort().join() === [...expected].sort().join();
        })
        .toBe(true);
    }
    await expect(openWindows).toHaveCount(0);
    await expect(timeline.locator('rect.window[data-open="false"]')).toHaveCount(10);
  });

  test('a query answered inside an inconsistency window is marked stale on the timeline', async ({
    page,
  }) => {
    const lab = new LabPage(page);
    await lab.open();
    await lab.addProduct({ sku: 'SKU-1', name: 'Blue mug', price: '12.50', stock: '5' });
    await expect(lab.viewStatus('Stock levels')).toHaveText('Up to date at #1');
    await lab.setDelay('Stock levels', 5000);
    // Paused, the query overtakes the slow view's events in virtual time, however slow the machine.
    await lab.pause();
    await lab.placeOrder('SKU-1', '1');
    await lab.step();
    await expect(lab.viewStatus('Stock levels')).toHaveText('2 behind: at #1, head #3');

    const answer = await lab.ask('Stock levels', 'SKU-1');
    await lab.stepUntilAnswered(answer);
    await expect(answer).toHaveText(/Possibly stale: as of #1, head #3/);

    const timeline = page.getByRole('region', { name: 'Timeline' });
    await expect(timeline.locator('[data-kind="answer"][data-behind="true"]')).toHaveCount(1);
    await expect(timeline.getByText('behind', { exact: true })).toBeVisible();
    await expect(
      timeline.locator('rect.window[data-view="Stock levels"][data-open="true"]'),
    ).toHaveCount(1);
  });

  test('selecting a message in the flow shows what it carries and how long it has left', async ({
    page,
  }) => {
    const lab = new LabPage(page);
    await lab.open();
    await lab.pause();
    await lab.addProduct({ sku: 'SKU-9', name: 'Spoon', price: '1', stock: '3' });
    await expect(lab.clock).toHaveText(/· 1 pending$/);
    const flow = page.getByRole('region', { name: 'Flow' });
    await flow
      .getByRole('button', { name: /^Command #\d+ from UI to Write model: AddProduct SKU-9$/ })
      .click();
    const details = flow.getByRole('group', { name: 'Flow details' });
    await expect(details).toContainText('AddProduct SKU-9');
    await expect(details).toContainText('Delay left');
    await expect(details).toContainText('"name": "Spoon"');

    await flow.getByRole('button', { name: 'Event store: show details' }).click();
    await expect(details).toContainText('append-only log');
  });
});

test.describe('the event log', () => {
  test('provenance: an Order status row highlights the events that built it', async ({ page }) => {
    const lab = new LabPage(page);
    await lab.open();
    await lab.fastest();
    await lab.addProduct({ sku: 'SKU-1', name: 'Blue mug', price: '12.50', stock: '5' });
    await lab.placeOrder('SKU-1', '1');
    await expect(lab.form('Place order').getByRole('status')).toHaveText(/^Appended/);
    const orderId = await lab.lastOrderId();
    await lab.submit('Pay order', { Order: orderId });
    await expect(lab.form('Pay order').getByRole('status')).toHaveText('Appended OrderPaid #4');
    await expect(lab.viewStatus('Order status')).toHaveText('Up to date at #4');

    await lab.orderStatus.getByRole('button', { name: `Provenance of ${orderId}` }).click();
    const highlighted = lab.eventLog.locator('tbody tr[data-provenance="true"]');
    await expect(highlighted).toHaveCount(2);
    await expect(highlighted.first()).toContainText('#4');
    await expect(highlighted.first()).toContainText('OrderPaid');
    await expect(highlighted.nth(1)).toContainText('#2');
    await expect(highlighted.nth(1)).toContainText('OrderPlaced');
    await expect(
      page.getByText(`Highlighted: the events that built Order status row ${orderId}.`),
    ).toBeVisible();
  });

  test('filters by stream and by type', async ({ page }) => {
    const lab = new LabPage(page);
    await lab.open();
    await lab.fastest();
    await lab.addProduct({ sku: 'SKU-1', name: 'Blue mug', price: '12.50', stock: '5' });
    await lab.placeOrder('SKU-1', '1');
    await expect(lab.logRows()).toHaveCount(3);
    const log = page.getByRole('region', { name: 'Event log' });
    await log.getByLabel('Stream').fill('product-');
    await expect(lab.logRows()).toHaveCount(2);
    await log.getByLabel('Type').selectOption('StockReserved');
    await expect(lab.logRows()).toHaveCount(1);
    await expect(log.getByText('1 of 3 events')).toBeVisible();
  });
});

test('the charts load on demand and plot lag, throughput and staleness', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open();
  const charts = page.getByRole('region', { name: 'Charts' });
  // Fetched when the panel comes near the screen.
  await charts.scrollIntoViewIfNeeded();
  await expect(charts.getByText('Charts appear once the first command is accepted.')).toBeVisible();
  await lab.addProductSettled({ sku: 'SKU-1', name: 'Blue mug', price: '12.50', stock: '5' });
  for (const name of [
    'Lag per view, in events behind the head',
    'Lag per view, in ms (age of the oldest unapplied event)',
    'Throughput per virtual second',
    'Query staleness',
  ])
    await expect(
      charts.getByRole('figure', { name }).locator('svg.recharts-surface').first(),
    ).toBeVisible();
  await charts.getByRole('button', { name: 'Hide charts' }).click();
  await expect(charts.getByRole('figure')).toHaveCount(0);
});

test('time travel shows the stock level as it was at an earlier position, then returns to live', async ({
  page,
}) => {
  const lab = new LabPage(page);
  await lab.open();
  await lab.fastest();
  await lab.addProductSettled({ sku: 'SKU-1', name: 'Blue mug', price: '12.50', stock: '5' });
  await lab.placeOrder('SKU-1', '2');
  await lab.settled('Place order');

  const travel = page.getByRole('region', { name: 'Time travel' });
  await travel.getByRole('button', { name: 'Start time travel' }).click();
  const slider = travel.getByRole('slider', { name: 'Time travel position' });
  await expect(travel.getByRole('region', { name: 'Stock levels as of #3' })).toContainText(
    'SKU-1: 5 on hand, 2 reserved, 3 available',
  );
  await slider.fill('1');
  const past = travel.getByRole('region', { name: 'Stock levels as of #1' });
  await expect(past).toContainText('SKU-1: 5 on hand, 0 reserved, 5 available');
  await expect(travel.getByRole('status')).toHaveText(
    'As of #1: ProductAdded on product-SKU-1 (version 1)',
  );
  await expect(travel.getByRole('region', { name: 'Order status as of #1' })).toContainText(
    'No rows.',
  );

  // The live view is untouched meanwhile.
  await expect(lab.viewRow(lab.stockLevels, 'SKU-1').getByRole('cell').nth(4)).toHaveText('3');
  await travel.getByRole('button', { name: 'Back to live' }).click();
  await expect(travel.getByRole('button', { name: 'Start time travel' })).toBeVisible();
});

test('a workload runs through the real system and every view catches up after it', async ({
  page,
}) => {
  const lab = new LabPage(page);
  await lab.open();
  const { load } = lab;
  await load.getByLabel('Per second', { exact: true }).fill('5000');
  await load.getByRole('button', { name: 'Run load' }).click();
  await expect(load.getByLabel('Per second', { exact: true })).toHaveAccessibleDescription(
    'Rate must be at most 2,000 per second',
  );
  await lab.runLoad({ perSecond: 100, readsPercent: 20, seconds: 2 });
  await expect(load.getByRole('status')).toHaveText('Done: 200 of 200 messages sent', {
    timeout: scaled(20_000),
  });
  await expect(lab.clock).toHaveText(/· 0 pending$/, { timeout: scaled(20_000) });
  // The clock says 0 pending at once; each view's line follows at its next paced redraw, so the
  // four lines are read together until they agree.
  await expect
    .poll(async () => {
      const lines = await Promise.all(SHOP_VIEWS.map((view) => lab.viewStatus(view).textContent()));
      return new Set(lines).size === 1 ? lines[0] : lines.join(' | ');
    })
    .toMatch(/^Up to date at #\d+$/);
  const head = await lab.viewStatus('Order status').textContent();
  expect(Number(/#(\d+)$/.exec(head ?? '')?.[1])).toBeGreaterThan(5);
});

test('a log longer than the page keeps: older rows, filters and the inspector are read from storage', async ({
  page,
}) => {
  const lab = new LabPage(page);
  await lab.open();
  await lab.fastest();
  // 600 orders (two events each) and the workload's products: more than the 1,000 the page keeps.
  await lab.runLoad({ perSecond: 600, readsPercent: 0, seconds: 1 });
  await expect(lab.load.getByRole('status')).toHaveText('Done: 600 of 600 messages sent', {
    timeout: scaled(30_000),
  });
  await expect(lab.clock).toHaveText(/· 0 pending$/, { timeout: scaled(30_000) });
  await expect.poll(() => lab.logLength()).toBeGreaterThan(1_200);
  const head = await lab.logLength();
  const log = page.getByRole('region', { name: 'Event log' });
  await expect(
    log.getByText(`${head.toLocaleString('en-US')} of ${head.toLocaleString('en-US')} events`),
  ).toBeVisible();

  // The oldest rows, far beyond what the page keeps, come from storage as they scroll into view.
  await log.locator('.table-scroll').evaluate((el) => {
    el.scrollTop = el.scrollHeight;
  });
  const first = lab.logRows().filter({ has: page.getByRole('cell', { name: '#1', exact: true }) });
  await expect(first).toHaveCount(1);
  await first.click();
  await expect(page.getByRole('group', { name: 'Event #1' })).toContainText('ProductAdded');

  // A filter over the whole log is answered by storage too.
  await log.getByLabel('Type').selectOption('ProductAdded');
  const products = await readStore(page, 'cqrs-lab-events', 'events').then(
    (rows) => (rows as { type: string }[]).filter((row) => row.type === 'ProductAdded').length,
  );
  await expect(
    log.getByText(`${products.toLocaleString('en-US')} of ${head.toLocaleString('en-US')} events`),
  ).toBeVisible();
  await expect(lab.logRows()).toHaveCount(Math.min(products, 22));
  await expect(lab.logRows().first()).toContainText('ProductAdded');
});
