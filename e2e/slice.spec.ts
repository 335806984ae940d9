import { budgetFor } from './cpuSlowdown';
import { expect, test } from './fixtures';
import { LabPage } from './page-models/labPage';

test.describe('one command travels to a read view', () => {
  test('a placed order reaches the event log and Order status, and survives a reload', async ({
    page,
  }) => {
    test.setTimeout(budgetFor({ appStarts: 2 })); // the first load and a reload
    const lab = new LabPage(page);
    await lab.open();

    await lab.addProduct({ sku: 'SKU-1', name: 'Blue mug', price: '12.50', stock: '5' });
    await expect(lab.form('Add product').getByRole('status')).toHaveText(
      'Appended ProductAdded #1',
    );

    await lab.placeOrder('SKU-1', '2');
    await expect(lab.form('Place order').getByRole('status')).toHaveText(
      'Appended OrderPlaced #2, StockReserved #3',
    );

    const orderPlaced = lab.eventLog.getByRole('row').filter({ hasText: 'OrderPlaced' });
    await expect(orderPlaced).toHaveCount(1);
    await expect(orderPlaced.getByRole('cell')).toHaveText([
      '#2',
      /^order-ORD-/,
      '1',
      'OrderPlaced',
    ]);

    const orderRow = lab.orderStatus.getByRole('row').filter({ hasText: '2 × SKU-1' });
    await expect(orderRow).toHaveCount(1);
    await expect(orderRow).toContainText('25.00');
    await expect(lab.orderStatus.getByRole('status')).toHaveText('Up to date at #3');

    await page.reload();
    await expect(lab.orderStatus.getByRole('status')).toHaveText('Up to date at #3');
    await expect(lab.logRows()).toHaveCount(3);
    await expect(lab.eventLog.getByRole('row').filter({ hasText: 'OrderPlaced' })).toHaveCount(1);
    await expect(lab.orderStatus.getByRole('row').filter({ hasText: '2 × SKU-1' })).toHaveCount(1);
  });

  test('selecting an event shows its payload and metadata', async ({ page }) => {
    const lab = new LabPage(page);
    await lab.open();
    await lab.fastest();
    await lab.addProductSettled({ sku: 'SKU-7', name: 'Teapot', price: '30', stock: '3' });
    await lab.eventLog.getByRole('row').filter({ hasText: 'ProductAdded' }).click();

    const inspector = page.getByRole('group', { name: 'Event #1' });
    await expect(inspector).toContainText('"name": "Teapot"');
    await expect(inspector).toContainText('product-SKU-7 (version 1)');
    await expect(inspector).toContainText('Schema version');
    // Every metadata field says, in one line, what it is for.
    const terms = inspector.locator('dt');
    await expect(terms).toHaveText([
      'Stream',
      'Command',
      'Command id',
      'Correlation id',
      'Causation id',
      'Recorded at',
      'Schema version',
    ]);
    const explained = await inspector
      .locator('dd')
      .evaluateAll((values) => values.map((dd) => dd.querySelector('.help')?.textContent ?? ''));
    expect(explained.slice(2).every((line) => line.length > 20)).toBe(true);
  });

  test('the order fields offer the orders there are, as the SKU fields offer products', async ({
    page,
  }) => {
    const lab = new LabPage(page);
    await lab.open();
    await lab.addProductSettled({ sku: 'SKU-1', name: 'Blue mug', price: '12.50', stock: '5' });
    await lab.placeOrder('SKU-1', '1');
    await lab.settled('Place order');
    const orderId = await lab.lastOrderId();
    await expect(lab.viewRow(lab.orderStatus, orderId)).toHaveCount(1);
    for (const box of [
      lab.form('Pay order').getByRole('combobox', { name: 'Order' }),
      page.getByRole('form', { name: 'Query Order status' }).getByRole('combobox'),
    ]) {
      await box.focus();
      const list = page.locator(`datalist[id="${(await box.getAttribute('list')) ?? ''}"]`);
      await expect(list.locator('option')).toHaveCount(1);
      await expect(list.locator('option')).toHaveAttribute('value', orderId);
    }
  });

  test('an order for more than the stock is refused with the stock named, and appends nothing', async ({
    page,
  }) => {
    const lab = new LabPage(page);
    await lab.open();
    await lab.fastest();
    await lab.addProductSettled({ sku: 'SKU-1', name: 'Blue mug', price: '12.50', stock: '2' });
    await expect(lab.logRows()).toHaveCount(1);

    await lab.placeOrder('SKU-1', '5');
    await expect(lab.form('Place order').getByRole('alert')).toHaveText(
      'Refused: Not enough stock for SKU-1: 2 available, 5 requested',
    );
    await expect(lab.logRows()).toHaveCount(1);
    await expect(lab.orderStatus.getByRole('status')).toHaveText('Up to date at #1');

    // Nothing was written behind the screen's back either: a reload shows the same log.
    await page.reload();
    await expect(lab.orderStatus.getByRole('status')).toHaveText('Up to date at #1');
    await expect(lab.logRows()).toHaveCount(1);
  });

  test('a negative quantity is refused at the field and never sent', async ({ page }) => {
    const lab = new LabPage(page);
    await lab.open();
    await lab.fastest();
    await lab.addProductSettled({ sku: 'SKU-1', name: 'Blue mug', price: '12.50', stock: '2' });
    await expect(lab.logRows()).toHaveCount(1);

    await lab.placeOrder('SKU-1', '-3');
    const quantity = lab.form('Place order').getByLabel('Quantity', { exact: true });
    await expect(quantity).toHaveAttribute('aria-invalid', 'true');
    await expect(quantity).toHaveAccessibleDescription('Quantity must be at least 1');
    await expect(lab.logRows()).toHaveCount(1);
  });

  test('workers load from the GitHub Pages sub-path', async ({ page }) => {
    const workerUrls: string[] = [];
    page.on('worker', (worker) => workerUrls.push(worker.url()));
    const lab = new LabPage(page);
    await lab.open();
    expect(workerUrls.length).toBeGreaterThanOrEqual(2);
    for (const url of workerUrls) expect(new URL(url).pathname).toMatch(/^\/cqrs-lab\/assets\//);
  });
});
