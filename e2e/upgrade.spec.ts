import { expect, test } from '@playwright/test';
import { LabPage } from './page-models/labPage';

test('a newer version upgrading the store in another tab: this tab lets go, says so, loses nothing', async ({
  page,
}) => {
  const lab = new LabPage(page);
  await lab.open();
  await lab.addProduct({ sku: 'SKU-1', name: 'Blue mug', price: '12.50', stock: '5' });
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
