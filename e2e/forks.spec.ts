// Forks (issue 21, item 3): a what-if log started from a past position. It holds exactly events
// 1..N, takes commands of its own without changing Main, is compared with Main side by side, and is
// kept, named and deletable across reloads.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { LabPage } from './page-models/labPage';

const forks = (page: Page) => page.getByRole('region', { name: 'Forks' });
const logChoice = (page: Page, name: string) =>
  forks(page).getByRole('radiogroup', { name: 'Log' }).getByRole('radio', { name, exact: true });
const banner = (page: Page) => page.locator('.banner-fork');

/** SKU-1's available stock as the Stock levels view shows it. */
const available = (lab: LabPage) => lab.keyRow(lab.stockLevels, 'SKU-1').getByRole('cell').nth(4);

/** The log's events as its table lists them (position, stream, version, type), oldest first. */
const logTypes = async (lab: LabPage) =>
  (
    await lab.logRows().evaluateAll((rows) =>
      rows.map((row) =>
        [...row.querySelectorAll('td')]
          .slice(0, 4)
          .map((cell) => cell.textContent)
          .join(' '),
      ),
    )
  ).reverse();

/** The lab with one product, SKU-1 with 5 in stock (#1), every message delivered at once. */
const labWithAMug = async (page: Page) => {
  const lab = new LabPage(page);
  await lab.open();
  await lab.fastest();
  await lab.addProductSettled({ sku: 'SKU-1', name: 'Blue mug', price: '12.50', stock: '5' });
  return lab;
};

test('a fork from #N holds exactly events 1..N, takes new commands without changing Main, and survives a reload', async ({
  page,
}) => {
  const lab = await labWithAMug(page);
  await lab.placeOrder('SKU-1', '2'); // #2 OrderPlaced, #3 StockReserved
  await lab.settled('Place order');
  await lab.placeOrder('SKU-1', '1'); // #4, #5
  await lab.settled('Place order');
  await expect(available(lab)).toHaveText('2');
  const mainLog = await logTypes(lab);
  expect(mainLog.map((row) => row.replace(/ .*/, ''))).toEqual(['#1', '#2', '#3', '#4', '#5']);

  // Fork at #3, from Time travel.
  const travel = page.getByRole('region', { name: 'Time travel' });
  await travel.getByRole('button', { name: 'Start time travel' }).click();
  await travel.getByRole('slider', { name: 'Time travel position' }).fill('3');
  await expect(travel.getByRole('status').first()).toContainText('As of #3');
  await travel.getByRole('button', { name: 'Fork from here' }).click();

  await expect(banner(page)).toContainText('You are in the fork “Fork from #3”');
  await expect(logChoice(page, 'Fork from #3')).toBeChecked();
  await expect.poll(() => lab.logLength()).toBe(3);
  expect(await logTypes(lab)).toEqual(mainLog.slice(0, 3));
  await expect(lab.viewStatus('Stock levels')).toHaveText('Up to date at #3');
  await expect(available(lab)).toHaveText('3');

  // A command of the fork's own: decided against the fork's state, appended to its log.
  await lab.placeOrder('SKU-1', '3');
  await lab.settled('Place order');
  await expect.poll(() => lab.logLength()).toBe(5);
  await expect(available(lab)).toHaveText('0');

  // Main is as it was left.
  await logChoice(page, 'Main').check();
  await expect(banner(page)).toBeHidden();
  await expect(lab.viewStatus('Stock levels')).toHaveText('Up to date at #5');
  await expect(available(lab)).toHaveText('2');
  expect(await logTypes(lab)).toEqual(mainLog);

  // One view, side by side.
  const compare = forks(page).getByRole('form', { name: 'Compare a view' });
  await compare.getByRole('combobox').first().selectOption('Stock levels');
  await compare.getByRole('button', { name: 'Compare' }).click();
  const comparison = forks(page).getByRole('region', { name: 'Comparison' });
  await expect(comparison.getByRole('status')).toHaveText(
    '1 row of Stock levels differs between Main and Fork from #3 (marked).',
  );
  await expect(comparison.getByRole('region', { name: 'Stock levels in Main' })).toContainText(
    'SKU-1: 5 on hand, 3 reserved, 2 available',
  );
  await expect(
    comparison.getByRole('region', { name: 'Stock levels in Fork from #3' }),
  ).toContainText('SKU-1: 5 on hand, 5 reserved, 0 available');

  // Kept across a reload: listed, and back in the fork with its own log.
  await page.reload();
  await expect(lab.viewStatus('Stock levels')).toHaveText('Up to date at #5');
  await expect(logChoice(page, 'Main')).toBeChecked();
  await logChoice(page, 'Fork from #3').check();
  await expect(banner(page)).toBeVisible();
  await expect(available(lab)).toHaveText('0');
  await page.reload();
  await expect(banner(page)).toContainText('“Fork from #3”');
  await expect(lab.viewStatus('Stock levels')).toHaveText('Up to date at #5');
  await expect(available(lab)).toHaveText('0');
});

test('a fork is renamed (a bad name refused), deleted with its log, and the lab goes back to Main', async ({
  page,
}) => {
  const lab = await labWithAMug(page);
  const travel = page.getByRole('region', { name: 'Time travel' });
  await travel.getByRole('button', { name: 'Start time travel' }).click();
  await travel.getByRole('button', { name: 'Fork from here' }).click();
  await expect(banner(page)).toContainText('“Fork from #1”');

  await forks(page).getByRole('button', { name: 'Rename Fork from #1' }).click();
  const rename = forks(page).getByRole('form', { name: 'Rename Fork from #1' });
  await rename.getByLabel('New name').fill('main');
  await rename.getByRole('button', { name: 'Save name' }).click();
  await expect(rename.getByRole('alert')).toHaveText(
    '“Main” is the sandbox’s log: choose another name',
  );
  await rename.getByLabel('New name').fill('\u202Egum eulB');
  await rename.getByRole('button', { name: 'Save name' }).click();
  await expect(rename.getByRole('alert')).toContainText(
    'invisible characters that reverse the text',
  );
  await rename.getByLabel('New name').fill('Sold out');
  await rename.getByRole('button', { name: 'Save name' }).click();
  await expect(banner(page)).toContainText('“Sold out”');
  await page.reload();
  await expect(logChoice(page, 'Sold out')).toBeChecked();

  await forks(page).getByRole('button', { name: 'Delete Sold out' }).click();
  await forks(page).getByRole('button', { name: 'Delete “Sold out” for good' }).click();
  await expect(logChoice(page, 'Sold out')).toHaveCount(0);
  await expect(logChoice(page, 'Main')).toBeChecked();
  await expect(banner(page)).toBeHidden();
  await expect(lab.viewStatus('Stock levels')).toHaveText('Up to date at #1');
  // Its databases are gone, Main's are not.
  const names = await page.evaluate(async () =>
    (await indexedDB.databases()).map((db) => db.name ?? ''),
  );
  expect(names.filter((name) => name.includes('-fork-'))).toEqual([]);
  expect(names).toContain('cqrs-lab-events');
  await page.reload();
  await expect(forks(page).getByText('No forks yet')).toBeVisible();
});
