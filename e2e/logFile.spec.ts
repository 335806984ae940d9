import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { budgetFor, scaled } from './cpuSlowdown';
import { expect, test } from './fixtures';
import { LabPage } from './page-models/labPage';

const region = (page: Page) => page.getByRole('region', { name: 'Export and import' });

const chooseFile = async (page: Page, name: string, text: string) =>
  region(page)
    .getByLabel('Log file to import')
    .setInputFiles({ name, mimeType: 'application/x-ndjson', buffer: Buffer.from(text) });

test.describe('export and import', () => {
  test('a log exported, reset and imported again comes back whole, with every view rebuilt', async ({
    page,
  }) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const lab = new LabPage(page);
    await lab.open();
    await lab.fastest();
    await lab.addProduct({ sku: 'SKU-1', name: 'Blue mug', price: '12.50', stock: '5' });
    await lab.placeOrder('SKU-1', '2');
    await lab.settled('Place order');
    await expect(lab.logRows()).toHaveCount(3);

    const downloading = page.waitForEvent('download');
    await region(page).getByRole('button', { name: 'Export log' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^cqrs-lab-log-.*\.ndjson$/);
    const text = readFileSync(await download.path(), 'utf8');
    expect(text.trim().split('\n')).toHaveLength(4);
    await expect(region(page).getByRole('status')).toHaveText('Exported 3 events.');

    await lab.reset();
    await expect(lab.logRows()).toHaveCount(0);

    await chooseFile(page, 'mine.ndjson', text);
    await expect(region(page).getByRole('status')).toHaveText(
      'mine.ndjson is a valid log: 3 events in 2 streams.',
    );
    let question = '';
    page.once('dialog', (dialog) => {
      question = dialog.message();
      void dialog.accept();
    });
    await region(page).getByRole('button', { name: 'Import 3 events' }).click();
    await expect(region(page).getByRole('status')).toHaveText(
      'Imported 3 events (#1–#3); every view was rebuilt from the log.',
      { timeout: scaled(20_000) },
    );
    expect(question).toMatch(/^Replace your log \(0 events\) with the 3 events in mine\.ndjson\?/);
    await expect(lab.logRows()).toHaveCount(3);
    await expect(lab.viewStatus('Stock levels')).toHaveText('Up to date at #3');
    await expect(lab.viewRow(lab.stockLevels, 'SKU-1')).toContainText('Blue mug12.50523');
    await expect(lab.viewStatus('Order status')).toHaveText('Up to date at #3');

    // The imported log is the log: commands go on from it.
    await lab.placeOrder('SKU-1', '3');
    await expect(lab.form('Place order').getByRole('status')).toHaveText(/^Appended/);
    await expect(lab.viewRow(lab.stockLevels, 'SKU-1')).toContainText('Blue mug12.50550');
    expect(errors).toEqual([]);
  });

  test('a bad file is refused with its line and reason, and the log is left as it was', async ({
    page,
  }) => {
    const lab = new LabPage(page);
    await lab.open();
    await lab.fastest();
    await lab.addProductSettled({ sku: 'SKU-1', name: 'Blue mug', price: '12.50', stock: '5' });
    await expect(lab.logRows()).toHaveCount(1);
    const header = JSON.stringify({ format: 'cqrs-lab-log', version: 1, events: 1 });
    const event = {
      position: 1,
      streamId: 'product-SKU-9',
      version: 1,
      type: 'StockReserved',
      data: { sku: 'SKU-9', orderId: 'ORD-1', quantity: 2 },
      meta: {
        commandId: 'c1',
        correlationId: 'c1',
        causationId: 'c1',
        recordedAt: '2026-01-01T10:00:00.000Z',
        schemaVersion: 1,
      },
    };
    await chooseFile(page, 'bad.ndjson', `${header}\n${JSON.stringify(event)}\n`);
    await expect(region(page).getByRole('alert')).toHaveText(
      'bad.ndjson cannot be imported: line 2: there is no product SKU-9 at this point. Nothing was imported.',
    );
    await expect(region(page).getByRole('button', { name: /^Import/ })).toHaveCount(0);

    await chooseFile(page, 'worse.ndjson', `${header}\n{"position": 1, "type": `);
    await expect(region(page).getByRole('alert')).toHaveText(
      'worse.ndjson cannot be imported: line 2: not valid JSON. Nothing was imported.',
    );
    await chooseFile(page, 'photo.png', '\u0089PNG\r\n');
    await expect(region(page).getByRole('alert')).toContainText(
      'photo.png cannot be imported: line 1: the first line is not JSON',
    );

    // Appending a stream that is already there is refused too; nothing stored has changed.
    await region(page).getByLabel('Append to my log (new streams only)').check();
    const product = {
      ...event,
      streamId: 'product-SKU-1',
      type: 'ProductAdded',
      data: { sku: 'SKU-1', name: 'Another mug', price: 3, stock: 1 },
    };
    await chooseFile(page, 'again.ndjson', `${header}\n${JSON.stringify(product)}\n`);
    await expect(region(page).getByRole('alert')).toContainText(
      'line 2: stream product-SKU-1 is already in your log',
    );

    // An export whose ids were renamed but whose command ids were kept: refused when checked, at
    // its line, like every other refusal (not later, by Import, in vaguer words).
    const logged = await page.evaluate(
      () =>
        new Promise<string>((resolve, reject) => {
          const open = indexedDB.open('cqrs-lab-events');
          open.onerror = () => reject(new Error('no event store'));
          open.onsuccess = () => {
            const get = open.result.transaction('events').objectStore('events').get(1);
            get.onsuccess = () => {
              resolve((get.result as { meta: { commandId: string } }).meta.commandId);
              open.result.close();
            };
          };
        }),
    );
    const renamed = {
      ...product,
      streamId: 'product-SKU-2',
      data: { sku: 'SKU-2', name: 'Teapot', price: 30, stock: 2 },
      meta: { ...event.meta, commandId: logged },
    };
    await chooseFile(page, 'renamed.ndjson', `${header}\n${JSON.stringify(renamed)}\n`);
    await expect(region(page).getByRole('alert')).toHaveText(
      `renamed.ndjson cannot be imported: line 2: command ${logged} is already in your log: a command id is never used twice, so appending takes only new commands (choose Replace to load this log instead). Nothing was imported.`,
    );
    await expect(region(page).getByRole('button', { name: /^Import/ })).toHaveCount(0);
    await expect(lab.logRows()).toHaveCount(1);
    await expect(lab.viewRow(lab.stockLevels, 'SKU-1')).toContainText('Blue mug');
  });
});

test('text from payloads is shown as text, never run as HTML: typed in a form or imported', async ({
  page,
}) => {
  const lab = new LabPage(page);
  await lab.open();
  await lab.fastest();
  const img = '<img src=x onerror="window.__xss=1">';
  const script = '<script>window.__xss=2</script>';
  await lab.addProduct({ sku: 'SKU-1', name: img, price: '1', stock: '1' });
  await expect(lab.viewRow(lab.stockLevels, 'SKU-1')).toContainText(img);

  const header = JSON.stringify({ format: 'cqrs-lab-log', version: 1, events: 1 });
  const event = {
    position: 1,
    streamId: 'account-ACC-1',
    version: 1,
    type: 'AccountOpened',
    data: { accountId: 'ACC-1', owner: script, openedAt: '2026-01-01T10:00:00.000Z' },
    meta: {
      commandId: 'c1',
      correlationId: 'c1',
      causationId: 'c1',
      recordedAt: '2026-01-01T10:00:00.000Z',
      schemaVersion: 1,
    },
  };
  await region(page).getByLabel('Append to my log (new streams only)').check();
  await chooseFile(page, 'owner.ndjson', `${header}\n${JSON.stringify(event)}\n`);
  page.once('dialog', (dialog) => void dialog.accept());
  await region(page).getByRole('button', { name: 'Import 1 event' }).click();
  await expect(region(page).getByRole('status')).toHaveText(/^Imported 1 event \(#2–#2\)/, {
    timeout: scaled(20_000),
  });
  await lab.useDomain('Bank');
  await expect(lab.viewRow(lab.accountBalances, 'ACC-1')).toContainText(script);
  await lab.logRows().first().click(); // the inspector shows the event's data
  await expect(page.getByText(script).first()).toBeVisible();

  expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  expect(await page.locator('body script').count()).toBe(0);
});

test('a share link sets the same session up in a fresh browser: commands, domain and delays', async ({
  page,
  newContext,
}) => {
  test.setTimeout(budgetFor({ appStarts: 3 })); // this tab, the fresh browser, and this tab again
  const lab = new LabPage(page);
  await lab.open();
  await lab.fastest();
  await lab.addProduct({ sku: 'SKU-1', name: 'Blue mug', price: '12.50', stock: '5' });
  await lab.placeOrder('SKU-1', '2');
  await lab.settled('Place order');
  await lab.setDelay('Stock levels', 500);
  await region(page).getByRole('button', { name: 'Copy a share link' }).click();
  const link = await region(page).getByLabel('Share link').inputValue();
  expect(link).toMatch(/#\/share\/[A-Za-z0-9_-]+$/);

  const fresh = await newContext();
  const there = await new LabPage(await fresh.newPage()).front();
  const other = there.page;
  await other.goto(link);
  await expect(other.getByRole('status', { name: 'Shared session' })).toHaveText(
    'Loaded a shared session: 2 commands in the shop, the log now ends at #3. It is yours now: carry on from here.',
    { timeout: scaled(20_000) },
  );
  await expect(there.logRows()).toHaveCount(3);
  await expect(there.viewRow(there.stockLevels, 'SKU-1')).toContainText('Blue mug12.50523');
  await expect(other.getByRole('slider', { name: 'Stock levels delay' })).toHaveValue('500');
  await fresh.close();

  // After a reload the log holds events from an earlier visit, which a link cannot carry.
  await lab.front();
  await page.goto('./');
  await expect(lab.logRows()).toHaveCount(3);
  await region(page).getByRole('button', { name: 'Copy a share link' }).click();
  await expect(region(page).getByRole('alert')).toHaveText(
    'Your log holds events from an earlier visit, which a link cannot carry. Use Export log to share it as a file.',
  );
});

test('storage use is shown, and keeping the data can be asked for, with an answer either way', async ({
  page,
}) => {
  const lab = new LabPage(page);
  await lab.open();
  await expect(region(page)).toContainText(/Storage: .+ used of the .+ this browser allows/);
  await region(page).getByRole('button', { name: 'Keep my data' }).click();
  await expect(region(page)).toContainText(
    /This browser keeps this site’s data until you clear it|The browser did not grant it/,
  );
});
