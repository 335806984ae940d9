// Your projection (issue 21, item 1): the learner's own code, replayed over the log in a worker of
// its own, following it, stopped by what it throws or by an endless loop, and kept across reloads.
import type { Page } from '@playwright/test';
import { budgetFor, scaled } from './cpuSlowdown';
import { expect, test } from './fixtures';
import { LabPage } from './page-models/labPage';

const ORDERS_PER_SKU = `// Orders per SKU
const initialState = {};
function project(state, event) {
  if (event.type === 'OrderPlaced')
    for (const line of event.data.lines) state[line.sku] = (state[line.sku] ?? 0) + 1;
  return state;
}`;

const THROWS = `const initialState = 0;
function project(state, event) {
  if (event.type === 'OrderPlaced') throw new Error('orders are not counted yet');
  return state + 1;
}`;

const LOOPS = `const initialState = 0;
function project(state, event) {
  while (true) {}
}`;

const panel = (page: Page) => page.getByRole('region', { name: 'Your projection' });

/** Brings the panel into view (its editor loads then) and puts `code` in the editor. */
const writeCode = async (page: Page, code: string) => {
  await panel(page).scrollIntoViewIfNeeded();
  const editor = panel(page).getByRole('textbox', { name: 'Projection code' });
  await editor.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(code);
  await expect.poll(() => editor.innerText()).toBe(code);
  return editor;
};

/** A shop with one product and one order of it: events #1 (ProductAdded), #2–#3 (the order). */
const shopWithAnOrder = async (page: Page) => {
  const lab = new LabPage(page);
  await lab.open();
  await lab.addProductSettled({ sku: 'SKU-A', name: 'Mug', price: '4', stock: '10' });
  await lab.placeOrder('SKU-A', '2');
  await lab.settled('Place order');
  return lab;
};

test('a projection counting orders per SKU replays the log, then follows it to a new order', async ({
  page,
}) => {
  const lab = await shopWithAnOrder(page);
  await writeCode(page, ORDERS_PER_SKU);
  const status = panel(page).getByRole('status');
  await panel(page).getByRole('button', { name: 'Run projection' }).click();
  await expect(status).toHaveText('Not following the log: at #3, head #3');
  await expect(panel(page).locator('pre')).toHaveText(JSON.stringify({ 'SKU-A': 1 }, null, 2));

  const follow = panel(page).getByRole('button', { name: 'Follow the log' });
  await follow.click();
  await expect(follow).toHaveAttribute('aria-pressed', 'true');
  await expect(status).toHaveText('Up to date at #3');
  await lab.placeOrder('SKU-A', '1');
  await lab.settled('Place order');
  await expect(status).toHaveText('Up to date at #5');
  await expect(panel(page).locator('pre')).toHaveText(JSON.stringify({ 'SKU-A': 2 }, null, 2));
});

test('a projection that throws is stopped with its line and the event it was applying', async ({
  page,
}) => {
  await shopWithAnOrder(page);
  await writeCode(page, THROWS);
  await panel(page).getByRole('button', { name: 'Run projection' }).click();
  await expect(panel(page).getByRole('alert')).toHaveText(
    'At line 3, event #2: Error: orders are not counted yet',
  );
  await expect(panel(page).getByRole('status')).toHaveText(
    'Failed on event #2, after applying up to #1',
  );
  // The line is marked in the editor.
  await expect(panel(page).locator('.cm-error-line')).toHaveText(
    "  if (event.type === 'OrderPlaced') throw new Error('orders are not counted yet');",
  );
});

test('an endless loop is stopped within 2 s, and the next run works on a fresh worker', async ({
  page,
}) => {
  await shopWithAnOrder(page);
  await writeCode(page, LOOPS);
  await panel(page).getByRole('button', { name: 'Run projection' }).click();
  await expect(panel(page).getByRole('alert')).toContainText('endless loop', {
    timeout: scaled(2_000),
  });
  await writeCode(page, ORDERS_PER_SKU);
  await panel(page).getByRole('button', { name: 'Run projection' }).click();
  await expect(panel(page).getByRole('status')).toHaveText('Not following the log: at #3, head #3');
  await expect(panel(page).getByRole('alert')).toHaveCount(0);
  await expect(panel(page).locator('pre')).toHaveText(JSON.stringify({ 'SKU-A': 1 }, null, 2));
});

test('the code is kept across a reload, with or without a run', async ({ page }) => {
  test.setTimeout(budgetFor({ appStarts: 3 }));
  await shopWithAnOrder(page);
  await writeCode(page, ORDERS_PER_SKU);
  await panel(page).getByRole('button', { name: 'Run projection' }).click();
  await expect(panel(page).getByRole('status')).toHaveText('Not following the log: at #3, head #3');
  await page.reload();
  await panel(page).scrollIntoViewIfNeeded();
  const editor = panel(page).getByRole('textbox', { name: 'Projection code' });
  await expect.poll(() => editor.innerText()).toBe(ORDERS_PER_SKU);

  // An edit is saved as it is made: the next visit finds it even though it never ran.
  await editor.click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.insertText('\n// edited');
  // Saved half a second after the last keystroke.
  await expect(panel(page).getByText('Saving…')).toBeVisible();
  await expect(panel(page).getByText('Saved in this browser.')).toBeVisible();
  await page.reload();
  await panel(page).scrollIntoViewIfNeeded();
  await expect.poll(() => editor.innerText()).toBe(`${ORDERS_PER_SKU}\n// edited`);
});

test('a share link carries the projection: the other browser is offered it and chooses to use it', async ({
  page,
  newContext,
}) => {
  test.setTimeout(budgetFor({ appStarts: 2 }));
  await shopWithAnOrder(page);
  await writeCode(page, ORDERS_PER_SKU);
  await expect(panel(page).getByText('Saved in this browser.')).toBeVisible();
  const share = page.getByRole('region', { name: 'Export and import' });
  await share.getByRole('button', { name: 'Copy a share link' }).click();
  await expect(share.getByRole('status')).toHaveText(
    /^(Link copied: 2 commands and your projection\.|Copy the link below\.)$/,
  );
  const link = await share.getByLabel('Share link').inputValue();

  const fresh = await newContext();
  const there = await new LabPage(await fresh.newPage()).front();
  const other = there.page;
  await other.goto(link);
  await expect(other.getByRole('status', { name: 'Shared session' })).toContainText(
    'It carries a projection too: Your projection offers it.',
    { timeout: scaled(20_000) },
  );
  await panel(other).scrollIntoViewIfNeeded();
  const editor = panel(other).getByRole('textbox', { name: 'Projection code' });
  // Their own code stays until they choose.
  await expect.poll(() => editor.innerText()).toContain('counts units ordered per SKU');
  await panel(other).getByRole('button', { name: 'Use the shared projection' }).click();
  await expect.poll(() => editor.innerText()).toBe(ORDERS_PER_SKU);
  await panel(other).getByRole('button', { name: 'Run projection' }).click();
  await expect(panel(other).locator('pre')).toHaveText(JSON.stringify({ 'SKU-A': 1 }, null, 2));
  await fresh.close();
});
