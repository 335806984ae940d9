import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { budgetFor } from './cpuSlowdown';
import { expect, test } from './fixtures';
import { LabPage } from './page-models/labPage';
import { violations } from './page-models/axe';
import { expectLogWhole, SHOP_EVENTS } from './page-models/storage';

/** Puts `record` straight into a store of the app, as a crashed tab or a browser extension could. */
const putRecord = (page: Page, db: string, store: string, record: unknown) =>
  page.evaluate(
    ([name, table, stored]) =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => {
          const tx = request.result.transaction(table, 'readwrite');
          tx.objectStore(table).put(stored);
          tx.oncomplete = () => {
            request.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error ?? new Error('put failed'));
        };
        request.onerror = () => reject(request.error ?? new Error('open failed'));
      }),
    [db, store, record] as const,
  );

test('a stored row the app cannot read is named and kept aside: the app starts, shows the real events, takes commands, exports the readable log and removes the row on request', async ({
  page,
}) => {
  test.setTimeout(budgetFor({ appStarts: 2 }));
  const lab = new LabPage(page);
  await lab.open();
  await lab.fastest();
  await lab.addProduct({ sku: 'SKU-1', name: 'Blue mug', price: '12.50', stock: '5' });
  await lab.placeOrder('SKU-1', '2');
  await lab.settled('Place order');
  await expect(lab.logRows()).toHaveCount(3);
  // The row issue 22 found: before, the app could not start its workers at all.
  await putRecord(page, 'cqrs-lab-events', 'events', {
    position: 4,
    streamId: 'product-EVIL',
    version: 1,
    type: 'Bogus',
    data: {},
    meta: null,
  });
  await page.reload();

  const rows = page.getByRole('region', { name: 'Unreadable rows' });
  await expect(rows.getByRole('alert')).toContainText(
    'Row #4 of your event log cannot be read as an event.',
  );
  await expect(rows).toContainText('#4 (stream product-EVIL): meta:');
  expect(await violations(page)).toEqual([]);
  // The real events are there, every view is up to date past the row, and nothing is amiss in them.
  await expect(lab.orderStatus.getByRole('status')).toHaveText('Up to date at #4');
  await expect(lab.keyRow(lab.stockLevels, 'SKU-1').getByRole('cell').nth(4)).toHaveText('3');
  for (const type of ['ProductAdded', 'OrderPlaced', 'StockReserved', 'Unreadable'])
    await expect(lab.logRows().filter({ hasText: type })).toHaveCount(1);

  // Commands go on: the next one is decided without the row and appended after it.
  await lab.placeOrder('SKU-1', '1');
  await lab.settled('Place order');
  await expect(lab.logRows()).toHaveCount(6);
  await expect(lab.keyRow(lab.stockLevels, 'SKU-1').getByRole('cell').nth(4)).toHaveText('2');

  // The readable log as a file: the row left out, positions 1…5 without a gap.
  const downloading = page.waitForEvent('download');
  await rows.getByRole('button', { name: 'Export the readable events' }).click();
  const lines = readFileSync(await (await downloading).path(), 'utf8')
    .trim()
    .split('\n');
  expect(JSON.parse(lines[0] ?? '')).toMatchObject({ events: 5 });
  expect(lines.slice(1).map((line) => (JSON.parse(line) as { position: number }).position)).toEqual(
    [1, 2, 3, 4, 5],
  );
  expect(lines.some((line) => line.includes('Bogus'))).toBe(false);

  // Removed for good, on request: the events after it move up one, and every view is rebuilt.
  await rows.getByRole('button', { name: 'Remove row #4' }).click();
  await rows.getByRole('button', { name: 'Yes, remove row #4' }).click();
  await expect(rows).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Row #4 was removed' })).toBeVisible();
  await expect(lab.logRows()).toHaveCount(5);
  await expect(lab.logRows().filter({ hasText: 'Unreadable' })).toHaveCount(0);
  await expect(lab.orderStatus.getByRole('status')).toHaveText('Up to date at #5');
  await expect(lab.keyRow(lab.stockLevels, 'SKU-1').getByRole('cell').nth(4)).toHaveText('2');
  const { events } = await expectLogWhole(page, SHOP_EVENTS);
  expect(events).toBe(5);
});

test('a stored row of a view that the app cannot read makes that view rebuild itself from the log, with a notice', async ({
  page,
}) => {
  test.setTimeout(budgetFor({ appStarts: 2 }));
  const lab = new LabPage(page);
  await lab.open();
  await lab.fastest();
  await lab.addProduct({ sku: 'SKU-1', name: 'Blue mug', price: '12.50', stock: '5' });
  await lab.placeOrder('SKU-1', '2');
  await lab.settled('Place order');
  const available = lab.keyRow(lab.stockLevels, 'SKU-1').getByRole('cell').nth(4);
  await expect(available).toHaveText('3');
  await putRecord(page, 'cqrs-lab-read-stock-levels', 'rows', {
    key: 'SKU-1',
    value: {
      sku: 'SKU-1',
      name: 'Blue mug',
      price: 12.5,
      onHand: 5,
      reserved: 2,
      available: 'lots',
      lastPosition: 3,
    },
  });
  await page.reload();

  await expect(
    page.getByRole('status').filter({ hasText: 'Stock levels: Its row SKU-1' }),
  ).toHaveText(
    /^Stock levels: Its row SKU-1 cannot be read \(available: .*\)\. The view was rebuilt from the log, which holds all it is made from\.$/,
  );
  await expect(lab.stockLevels.getByRole('status')).toHaveText('Up to date at #3');
  await expect(available).toHaveText('3');
  // No event row is named unreadable: only the view's row was, and the log is whole.
  await expect(page.getByRole('region', { name: 'Unreadable rows' })).toBeHidden();
});
