import { expect, test } from '@playwright/test';
import { LabPage } from './page-models/labPage';

test('two tabs are two clients of one store: each sees the other’s events and its views catch up', async ({
  context,
}) => {
  const a = new LabPage(await context.newPage());
  await a.open();
  const b = new LabPage(await context.newPage());
  await b.open();

  await a.addProduct({ sku: 'SKU-1', name: 'Blue mug', price: '12.50', stock: '5' });
  await expect(a.logRows()).toHaveCount(1);
  // Tab B hears of it without a reload: its log and its views catch up from the store.
  await expect(b.logRows()).toHaveCount(1);
  await expect(b.viewStatus('Stock levels')).toHaveText('Up to date at #1');
  await expect(b.viewRow(b.stockLevels, 'SKU-1')).toContainText('Blue mug12.50505');

  // Tab B decides on the log as it is, including tab A's product, and tab A catches up in turn.
  await b.placeOrder('SKU-1', '2');
  await expect(b.form('Place order').getByRole('status')).toHaveText(
    'Appended OrderPlaced #2, StockReserved #3',
  );
  await expect(a.logRows()).toHaveCount(3);
  await expect(a.viewStatus('Order status')).toHaveText('Up to date at #3');
  await expect(a.viewRow(a.stockLevels, 'SKU-1')).toContainText('Blue mug12.50523');

  // Both sell the last three units at once: the store lets one through, the other is refused.
  await Promise.all([a.placeOrder('SKU-1', '3'), b.placeOrder('SKU-1', '3')]);
  const outcomes = await Promise.all(
    [a, b].map(async (tab) => {
      const status = tab
        .form('Place order')
        .getByRole('status')
        .or(tab.form('Place order').getByRole('alert'));
      await expect(status).toHaveText(/^(Appended|Refused)/);
      return status.textContent();
    }),
  );
  expect(outcomes.filter((text) => text?.startsWith('Appended'))).toHaveLength(1);
  expect(outcomes.filter((text) => text?.startsWith('Refused: Not enough stock'))).toHaveLength(1);
  await expect(a.logRows()).toHaveCount(5);
  await expect(b.logRows()).toHaveCount(5);
  for (const tab of [a, b])
    await expect(tab.viewRow(tab.stockLevels, 'SKU-1')).toContainText('Blue mug12.50550');

  // Resetting in one tab tells the other to reload rather than show a log that is gone.
  await a.page.getByRole('button', { name: 'Reset', exact: true }).click();
  await a.page.getByRole('button', { name: 'Yes, reset' }).click();
  await expect(b.page.getByRole('alert').first()).toContainText('Another tab reset');
});
