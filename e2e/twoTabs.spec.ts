import { budgetFor } from './cpuSlowdown';
import type { BrowserContext } from '@playwright/test';
import { expect, test } from './fixtures';
import { LabPage, submitTogether } from './page-models/labPage';
import { readStore } from './page-models/storage';

const MUG = { sku: 'SKU-1', name: 'Blue mug', price: '12.50', stock: '5' };

/** Two tabs of the lab on one store: the second opened last, so it is in front. */
const openTwoTabs = async (context: BrowserContext): Promise<[LabPage, LabPage]> => [
  await LabPage.openIn(context),
  await LabPage.openIn(context),
];

test('two tabs are two clients of one store: each sees the other’s events and its views catch up', async ({
  context,
}) => {
  test.setTimeout(budgetFor({ appStarts: 2 })); // one start per tab
  const [a, b] = await openTwoTabs(context);

  await (await a.front()).addProduct(MUG);
  await expect(a.logRows()).toHaveCount(1);
  // Tab B hears of it without a reload: its log and its views catch up from the store.
  await b.front();
  await expect(b.logRows()).toHaveCount(1);
  await expect(b.viewStatus('Stock levels')).toHaveText('Up to date at #1');
  await expect(b.viewRow(b.stockLevels, 'SKU-1')).toContainText('Blue mug12.50505');

  // Tab B decides on the log as it is, including tab A's product, and tab A catches up in turn.
  await b.placeOrder('SKU-1', '2');
  await expect(b.form('Place order').getByRole('status')).toHaveText(
    'Appended OrderPlaced #2, StockReserved #3',
  );
  await a.front();
  await expect(a.logRows()).toHaveCount(3);
  await expect(a.viewStatus('Order status')).toHaveText('Up to date at #3');
  await expect(a.viewRow(a.stockLevels, 'SKU-1')).toContainText('Blue mug12.50523');
});

test('two tabs sell the last three units at once: one goes through; a reset in one tab tells the other and wins over its next command', async ({
  context,
}) => {
  test.setTimeout(budgetFor({ appStarts: 2 })); // one start per tab
  const [a, b] = await openTwoTabs(context);
  for (const tab of [a, b]) await (await tab.front()).fastest();
  // Three of the five left, as both tabs see.
  await (await a.front()).addProductSettled(MUG);
  await a.placeOrder('SKU-1', '2');
  await a.settled('Place order');
  for (const tab of [a, b]) {
    await tab.front();
    await expect(tab.viewRow(tab.stockLevels, 'SKU-1')).toContainText('Blue mug12.50523');
  }

  // Both sell the last three units at once: the store lets one through, the other is refused.
  await submitTogether([a, b], 'Place order', { SKU: 'SKU-1', Quantity: '3' });
  const outcomes = await Promise.all(
    [a, b].map(async (tab) => {
      const status = tab.outcome('Place order');
      await expect(status).toHaveText(/^(Appended|Refused)/);
      return status.textContent();
    }),
  );
  expect(outcomes.filter((text) => text?.startsWith('Appended'))).toHaveLength(1);
  expect(outcomes.filter((text) => text?.startsWith('Refused: Not enough stock'))).toHaveLength(1);
  for (const tab of [a, b]) {
    await tab.front();
    await expect(tab.logRows()).toHaveCount(5);
    await expect(tab.viewRow(tab.stockLevels, 'SKU-1')).toContainText('Blue mug12.50550');
  }

  // Resetting in one tab tells the other to reload rather than show a log that is gone.
  await (await a.front()).reset();
  await b.front();
  await expect(b.page.getByRole('alert').first()).toContainText('Another tab reset');
  // The reset wins: a command the other tab sends after it is decided on the reset log, where
  // SKU-1 is gone, not on the log that tab had read before (issue 22: both tabs ended at 25 events).
  await b.addProduct(MUG);
  await expect(b.outcome('Add product')).toHaveText('Appended ProductAdded #1');
  const stored = (await readStore(b.page, 'cqrs-lab-events', 'events')) as {
    position: number;
    streamId: string;
    version: number;
  }[];
  expect(stored.map((e) => [e.position, e.streamId, e.version])).toEqual([[1, 'product-SKU-1', 1]]);
});
