import { expect, test } from './fixtures';
import { LabPage } from './page-models/labPage';

test('a newer version upgrading the store in another tab: this tab lets go, says so, loses nothing', async ({
  page,
}) => {
  const lab = new LabPage(page);
  await lab.open();
  await lab.fastest();
  await lab.addProductSettled({ sku: 'SKU-1', name: 'Blue mug', price: '12.50', stock: '5' });
  await expect(lab.logRows()).toHaveCount(1);

  // What a newer version's tab does on opening: ask for a higher version of the event store.
  const upgraded = await page.evaluate(
    () =>
      new Promise<{ events: number; stalled: boolean }>((resolve) => {
        const timer = setTimeout(() => resolve({ events: -1, stalled: true }), 10_000);
        const request = indexedDB.open('cqrs-lab-events', 1_000);
        request.onsuccess = () => {
          const db = request.result;
          const count = db.transaction('events').objectStore('events').count();
          count.onsuccess = () => {
            clearTimeout(timer);
            db.close();
            resolve({ events: count.result, stalled: false });
          };
        };
      }),
  );
  expect(upgraded).toEqual({ events: 1, stalled: false });
  const alert = page.getByRole('alert').filter({ hasText: 'A newer version of CQRS Lab' });
  await expect(alert).toContainText(
    'A newer version of CQRS Lab, open in another tab, has upgraded the stored log. Reload this page to go on: nothing stored was lost.',
  );
  await expect(alert.getByRole('button', { name: 'Reload' })).toBeVisible();
});

test('a log kept by version 1 of the app is migrated on the first visit after the upgrade: each event names its command', async ({
  page,
}) => {
  // Version 1 of the store (IndexedDB version 10, as Dexie numbers it), written before the app
  // starts, from a page of the same origin that runs none of its code.
  await page.goto('./favicon.svg');
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open('cqrs-lab-events', 10);
        request.onupgradeneeded = () => {
          const db = request.result;
          const events = db.createObjectStore('events', { keyPath: 'position' });
          events.createIndex('[streamId+version]', ['streamId', 'version'], { unique: true });
          events.createIndex('streamId', 'streamId');
          events.createIndex('type', 'type');
          db.createObjectStore('commands', { keyPath: 'commandId' });
        };
        request.onsuccess = () => {
          const db = request.result;
          const tx = db.transaction(['events', 'commands'], 'readwrite');
          const meta = {
            commandId: 'v1-add',
            correlationId: 'v1-add',
            causationId: 'v1-add',
            recordedAt: '2026-01-01T10:00:00.000Z',
            schemaVersion: 1,
          };
          tx.objectStore('events').add({
            position: 1,
            streamId: 'product-SKU-1',
            version: 1,
            type: 'ProductAdded',
            data: { sku: 'SKU-1', name: 'Old mug', price: 3, stock: 4 },
            meta,
          });
          tx.objectStore('commands').add({
            commandId: 'v1-add',
            type: 'AddProduct',
            recordedAt: meta.recordedAt,
            outcome: 'accepted',
            positions: [1],
          });
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error ?? new Error('seeding failed'));
        };
        request.onerror = () => reject(request.error ?? new Error('open failed'));
      }),
  );

  const lab = new LabPage(page);
  await lab.open();
  await lab.fastest();
  await expect(lab.viewStatus('Stock levels')).toHaveText('Up to date at #1');
  await expect(lab.viewRow(lab.stockLevels, 'SKU-1')).toContainText('Old mug');
  await lab.logRows().first().click();
  const inspector = page.getByRole('group', { name: 'Event #1' });
  await expect(inspector).toContainText('CommandAddProduct');
  await expect(inspector).toContainText('Schema version2');
  // The store itself holds the migrated event, not only what the app reads from it.
  const stored = await page.evaluate(
    () =>
      new Promise<unknown>((resolve) => {
        const request = indexedDB.open('cqrs-lab-events');
        request.onsuccess = () => {
          const get = request.result.transaction('events').objectStore('events').get(1);
          get.onsuccess = () => {
            request.result.close();
            resolve(get.result);
          };
        };
      }),
  );
  // Its command's record became the mark on its first event (version 5), so a retry is still known.
  expect(stored).toMatchObject({
    command: 'v1-add',
    meta: { schemaVersion: 2, commandType: 'AddProduct' },
  });
  // And the next command is stored in the new shape straight away.
  await lab.placeOrder('SKU-1', '1');
  await expect(lab.form('Place order').getByRole('status')).toHaveText(
    'Appended OrderPlaced #2, StockReserved #3',
  );
});
