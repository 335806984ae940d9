// The Design switch: the same forms and views run on four write/read designs, each on its own
// stores. One order goes through each; the views must show it, and where the views are written in
// the command's own transaction they are never seen behind, however slow their mail is.
import type { Page } from '@playwright/test';
import { DESIGN_SUMMARY } from '../src/ui/design/designText';
import { DESIGN_IDS, DESIGN_NAMES } from '../src/statemodel/designs';
import { budgetFor } from './cpuSlowdown';
import { expect, test } from './fixtures';
import { LabPage } from './page-models/labPage';

type Design =
  | 'CQRS with event sourcing'
  | 'One model (no CQRS)'
  | 'CQRS, views in the same transaction'
  | 'CQRS, views updated after commit';

const choose = async (lab: LabPage, design: Design) => {
  const radio = lab.page.getByRole('radiogroup', { name: 'Design' }).getByRole('radio', {
    name: design,
  });
  await radio.check();
  await expect(radio).toBeChecked();
  // The radios stay enabled while the workers restart: the switch has ended when the summary
  // under them names the design (it reads "Starting the workers in …" meanwhile).
  const id = DESIGN_IDS.find((each) => DESIGN_NAMES[each] === design) ?? 'event-sourced';
  await expect(lab.page.locator('.design-switch .explain')).toHaveText(
    `${DESIGN_SUMMARY[id]} Each design keeps its own stores: switching loses nothing.`,
  );
  await expect(lab.orderStatus.getByRole('status')).toHaveText(/^Up to date at #\d+$/);
};

/** Records every text the views' status lines show from now on (a view seen behind is caught). */
const watchStatuses = (page: Page) =>
  page.evaluate(() => {
    const seen: string[] = [];
    const record = () => {
      for (const region of document.querySelectorAll('[aria-label="Read views"] [role="status"]'))
        seen.push(region.textContent);
    };
    new MutationObserver(record).observe(document.body, {
      subtree: true,
      childList: true,
      characterData: true,
    });
    (window as unknown as { seenStatuses: string[] }).seenStatuses = seen;
  });

const seenStatuses = (page: Page) =>
  page.evaluate(() => (window as unknown as { seenStatuses: string[] }).seenStatuses);

/** Adds a product and places one order for 2, through the same forms whatever the design. */
const oneOrder = async (lab: LabPage, kept: RegExp) => {
  await lab.addProduct({ sku: 'SKU-1', name: 'Blue mug', price: '12.50', stock: '5' });
  await expect(lab.form('Add product').getByRole('status')).toHaveText(kept);
  await lab.placeOrder('SKU-1', '2');
  await expect(lab.form('Place order').getByRole('status')).toHaveText(
    /^(Appended OrderPlaced #2, StockReserved #3|Saved as change #3: .*OrderPlaced.*StockReserved)/,
  );
};

const expectTheOrderShown = async (lab: LabPage) => {
  const order = lab.viewRow(lab.orderStatus, '2 × SKU-1');
  await expect(order).toHaveCount(1);
  await expect(order).toContainText('placed');
  await expect(order).toContainText('25.00');
  const stock = lab.viewRow(lab.stockLevels, 'SKU-1');
  await expect(stock.getByRole('cell')).toContainText(['SKU-1', '5', '2', '3']);
  await expect(lab.orderStatus.getByRole('status')).toHaveText('Up to date at #3');
  await expect(await lab.ask('Product search', 'mug')).toContainText('Blue mug');
  await expect(await lab.ask('Stock levels', 'SKU-1')).toContainText('3');
};

test.describe('The Design switch', () => {
  test('one order goes through each design, through the same forms, and each view shows it', async ({
    page,
  }) => {
    test.setTimeout(budgetFor({ appStarts: 6 }));
    const lab = new LabPage(page);
    await lab.open();

    await oneOrder(lab, /^Appended ProductAdded #1$/);
    await expectTheOrderShown(lab);

    await choose(lab, 'One model (no CQRS)');
    // A store of its own: nothing of the event-sourced run is here.
    await expect(lab.orderStatus.getByRole('status')).toHaveText('Up to date at #0');
    const log = page.getByRole('region', { name: 'Event log' });
    await expect(log).toContainText('keeps only the current state');
    await expect(page.getByRole('region', { name: 'Time travel' })).toContainText(
      'there is no log',
    );
    await expect(page.getByRole('button', { name: 'Rebuild Order status' })).toBeDisabled();
    await expect(page.getByRole('region', { name: 'Read views' })).toContainText(
      'a query on the one model’s tables',
    );
    await oneOrder(
      lab,
      /^Saved as change #1: the state was overwritten \(the rules decided ProductAdded; these events are not stored\)$/,
    );
    await expectTheOrderShown(lab);

    await choose(lab, 'CQRS, views updated after commit');
    await oneOrder(
      lab,
      /^Saved as change #1: the state was overwritten, and ProductAdded #1 was put in the outbox for the views$/,
    );
    await expectTheOrderShown(lab);
    await expect(page.getByRole('button', { name: 'Rebuild Order status' })).toBeDisabled();

    // Back to event sourcing: its log and views are as they were left.
    await choose(lab, 'CQRS with event sourcing');
    await expect(lab.logRows()).toHaveCount(3);
    await expect(lab.viewRow(lab.orderStatus, '2 × SKU-1')).toHaveCount(1);
    await expect(page.getByRole('button', { name: 'Rebuild Order status' })).toBeEnabled();
  });

  test('views written in the command’s transaction are never behind, however slow their mail; after commit they are', async ({
    page,
  }) => {
    test.setTimeout(budgetFor({ appStarts: 4 }));
    const lab = new LabPage(page);
    await lab.open();

    await choose(lab, 'CQRS, views in the same transaction');
    await expect(page.getByRole('button', { name: 'Pause Stock levels' })).toBeDisabled();
    for (const view of ['Order status', 'Stock levels']) await lab.setDelay(view, 3000);
    await watchStatuses(page);
    await oneOrder(
      lab,
      /^Saved as change #1: the state was overwritten, with the views’ rows in the same transaction/,
    );
    await expectTheOrderShown(lab);
    const seen = await seenStatuses(page);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.filter((text) => text.includes('behind'))).toEqual([]);

    // The same, with the views fed after the commit: their slow mail leaves them behind a while.
    await choose(lab, 'CQRS, views updated after commit');
    for (const view of ['Order status', 'Stock levels']) await lab.setDelay(view, 3000);
    await watchStatuses(page);
    await oneOrder(lab, /^Saved as change #1/);
    await expectTheOrderShown(lab);
    expect((await seenStatuses(page)).some((text) => text.includes('behind'))).toBe(true);
  });
});

test('after commit, a killed view misses an order, and shows it once restarted', async ({
  page,
}) => {
  test.setTimeout(budgetFor({ appStarts: 2 }));
  const lab = new LabPage(page);
  await lab.open();
  await choose(lab, 'CQRS, views updated after commit');

  await page.getByRole('button', { name: 'Kill Order status' }).click();
  await expect(page.getByRole('button', { name: 'Restart Order status' })).toBeVisible();
  await oneOrder(lab, /^Saved as change #1/);
  await expect(lab.viewRow(lab.orderStatus, '2 × SKU-1')).toHaveCount(0);

  await page.getByRole('button', { name: 'Restart Order status' }).click();
  await expect(lab.viewRow(lab.orderStatus, '2 × SKU-1')).toHaveCount(1);
  await expect(lab.orderStatus.getByRole('status')).toHaveText('Up to date at #3');
});
