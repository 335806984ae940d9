// axe-core finds no accessibility violations on the sandbox, in each design's first screen, and in
// three chapters (WCAG 2.1 A and AA rules).
import { expect, test } from './fixtures';
import {
  buildThroughUpcaster,
  cutOverToVersion2,
  loadFromSnapshot,
  openChapter,
  orderAwaitingPayment,
  phantomOrder,
  runBothBoundaries,
} from './page-models/chapter';
import { LabPage } from './page-models/labPage';
import { violations } from './page-models/axe';

test('the sandbox has no accessibility violations, in the event-sourced and the one-model design', async ({
  page,
}) => {
  const lab = new LabPage(page);
  await lab.open();
  await lab.addProductSettled({ sku: 'SKU-1', name: 'Blue mug', price: '12.50', stock: '5' });
  expect(await violations(page)).toEqual([]);

  const radio = page.getByRole('radio', { name: 'One model (no CQRS)' });
  await radio.check();
  await expect(lab.orderStatus.getByRole('status')).toHaveText('Up to date at #0');
  expect(await violations(page)).toEqual([]);
});

for (const [id, heading] of [
  ['commands-and-queries', /Chapter 1/],
  ['stale-read', /Chapter 4/],
  ['failure-and-catch-up', /Chapter 8/],
] as const)
  test(`chapter ${id} has no accessibility violations`, async ({ page }) => {
    await openChapter(page, id, heading);
    expect(await violations(page)).toEqual([]);
  });

test('chapter 12’s snapshot bench, with a snapshot and a load shown, has no accessibility violations', async ({
  page,
}) => {
  await loadFromSnapshot(page);
  expect(await violations(page)).toEqual([]);
});

test('chapter 13’s versioning bench, built through the upcaster, has no accessibility violations', async ({
  page,
}) => {
  await buildThroughUpcaster(page);
  expect(await violations(page)).toEqual([]);
});

test('chapter 14’s blue/green bench, cut over and answered, has no accessibility violations', async ({
  page,
}) => {
  await cutOverToVersion2(page);
  expect(await violations(page)).toEqual([]);
});

test('chapter 15’s fulfilment bench, with an order awaiting payment, has no accessibility violations', async ({
  page,
}) => {
  await orderAwaitingPayment(page);
  expect(await violations(page)).toEqual([]);
});

test('chapter 17’s dual-write bench, with a phantom order, has no accessibility violations', async ({
  page,
}) => {
  await phantomOrder(page);
  expect(await violations(page)).toEqual([]);
});

test('chapter 16’s boundaries bench, run both ways, has no accessibility violations', async ({
  page,
}) => {
  await runBothBoundaries(page);
  expect(await violations(page)).toEqual([]);
});
