// What a learner needs is on screen without scrolling sideways: every view's key column and its
// answer (Stock levels' Available) at 1280 px and up, and nothing at all wider than a 390 px phone.
import type { Locator } from '@playwright/test';
import { scaled } from './cpuSlowdown';
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

const VIEW_TABLES = ['Stock levels rows', 'Order status rows', 'Sales dashboard rows'];

/** How far each of these tables reaches past its own box (0: nothing hidden to scroll to). */
const overflows = (lab: LabPage, tables: readonly string[]) =>
  Promise.all(
    tables.map((name) =>
      lab.page
        .getByRole('table', { name })
        .evaluate((table) => table.scrollWidth - table.clientWidth),
    ),
  );

/** How far the page reaches past the window, sideways. */
const pageOverflow = (lab: LabPage) =>
  lab.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

/** Nothing on the page overflows it, and each part ends inside a 390 px viewport, whole. */
const fitsAt390 = async (lab: LabPage, parts: readonly Locator[]) => {
  expect(await pageOverflow(lab)).toBe(0);
  for (const part of parts) {
    await part.scrollIntoViewIfNeeded();
    const box = await part.boundingBox();
    expect((box?.x ?? Infinity) + (box?.width ?? 0)).toBeLessThanOrEqual(390);
    // Nor is anything inside it cut off, to be scrolled to sideways.
    expect(await part.evaluate((element) => element.scrollWidth - element.clientWidth)).toBe(0);
  }
};

const withAnOrder = async (lab: LabPage) => {
  await lab.open();
  await lab.addProductSettled({ sku: 'SKU-1', name: 'Blue mug', price: '12.50', stock: '5' });
  await lab.placeOrder('SKU-1', '2');
  await lab.settled('Place order');
};

test.describe('layout', () => {
  for (const width of [1280, 1440])
    test(`at ${String(width)} px every view's table shows all its columns`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      const lab = new LabPage(page);
      await withAnOrder(lab);
      await expect(lab.viewRow(lab.stockLevels, 'SKU-1')).toContainText('Blue mug');
      expect(await overflows(lab, VIEW_TABLES)).toEqual([0, 0, 0]);
      await expect(lab.viewRow(lab.stockLevels, 'SKU-1').getByRole('cell').nth(4)).toHaveText('3');
      // Each row's key is the way to the events that built it.
      await expect(
        lab.stockLevels.getByRole('button', { name: 'Provenance of SKU-1' }),
      ).toBeVisible();
      await lab.useDomain('Bank');
      await lab.submit('Open account', { Account: 'ACC-1', Owner: 'Ada Lovelace' });
      await expect(
        lab.accountBalances.getByRole('button', { name: 'Provenance of ACC-1' }),
      ).toBeVisible();
      expect(await overflows(lab, ['Account balances rows'])).toEqual([0]);
    });

  test('at 390 px nothing scrolls sideways: the main screen with messages in flight, and a chapter', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    const lab = new LabPage(page);
    await withAnOrder(lab);
    expect(await overflows(lab, VIEW_TABLES)).toEqual([0, 0, 0]);
    // The event log's four columns fit too (its rows scroll up and down, never sideways).
    const logOverflow = await page.getByRole('table', { name: 'Event log' }).evaluate((table) => {
      const box = table.parentElement ?? table;
      return box.scrollWidth - box.clientWidth;
    });
    expect(logOverflow).toBe(0);
    await lab.pause();
    await lab.placeOrder('SKU-1', '1');
    await lab.step();
    await expect(
      page.getByRole('table', { name: 'Messages in flight' }).getByRole('row'),
    ).toHaveCount(1 + 6);
    expect(await pageOverflow(lab)).toBe(0);

    await openChapter(page, 'stale-read', /Chapter 4/);
    await expect(lab.clock).toHaveText(/· 1 pending$/);
    expect(await pageOverflow(lab)).toBe(0);
    // The toolbar stays on screen as the page scrolls: two rows at most, so the story has room.
    const toolbar = await page.getByRole('toolbar', { name: 'Simulation controls' }).boundingBox();
    expect(toolbar?.height).toBeLessThanOrEqual(100);
  });

  test('at 390 px a chapter workbench does not scroll sideways: the two writers, one oversold', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await openChapter(page, 'optimistic-concurrency', /Chapter 6/);
    const lab = new LabPage(page);
    const prediction = page.getByRole('form', { name: 'Prediction' });
    await prediction.getByRole('radio').first().check();
    await prediction.getByRole('button', { name: 'Lock in my prediction' }).click();
    const writer = (name: string) => page.getByRole('group', { name: `Round 1: Writer ${name}` });
    for (const name of ['A', 'B'])
      await writer(name)
        .getByRole('button', { name: `Writer ${name}: read SKU-1` })
        .click();
    await writer('A').getByRole('button', { name: 'Writer A: sell 1 × SKU-1' }).click();
    await expect(writer('A').getByRole('status')).toHaveText(/^Appended/);
    await writer('B').getByRole('button', { name: 'Writer B: sell 1 × SKU-1' }).click();
    await expect(writer('B').getByRole('status')).toHaveText(/a broken invariant/);
    expect(await pageOverflow(lab)).toBe(0);
    // Nor does any of it reach past the right edge, where it would be cut off.
    for (const name of ['A', 'B']) {
      const box = await writer(name).boundingBox();
      expect((box?.x ?? Infinity) + (box?.width ?? 0), `Writer ${name}`).toBeLessThanOrEqual(390);
    }
  });

  test('nothing moves when the workers have started: the start banner lies over the page, and a link under it takes the click', async ({
    page,
  }) => {
    await page.goto('./');
    const banner = page.getByText('Starting the workers…');
    await expect(banner).toBeVisible();
    const link = page
      .getByRole('navigation', { name: 'Course map' })
      .getByRole('link', { name: 'The stale read' });
    const before = await link.boundingBox();
    await expect(banner).toHaveCount(0, { timeout: scaled(30_000) });
    expect(await link.boundingBox()).toEqual(before);
  });

  test('at 390 px chapter 16’s runs fit inside the page', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    const bench = await runBothBoundaries(page);
    await fitsAt390(new LabPage(page), [bench.getByRole('table', { name: 'Runs' })]);
  });

  test('at 390 px chapter 17’s choices and orders fit inside the page', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    const bench = await phantomOrder(page);
    await fitsAt390(new LabPage(page), [
      bench.getByRole('group', { name: 'How the orders service publishes' }),
      bench.getByRole('checkbox', { name: 'Crash the relay after it publishes' }),
      bench.getByRole('table', { name: 'Orders and what the warehouse knows' }),
    ]);
  });

  test('at 390 px chapter 15’s orders and commands fit inside the page', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    const bench = await orderAwaitingPayment(page);
    await fitsAt390(new LabPage(page), [
      bench.getByRole('table', { name: 'Orders' }),
      bench.getByRole('button', { name: 'Decline ORD-1' }),
      bench.getByRole('table', { name: 'Commands the process manager sent' }),
    ]);
  });

  test('at 390 px chapter 14’s versions and answers fit inside the page', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    const bench = await cutOverToVersion2(page);
    const lab = new LabPage(page);
    await fitsAt390(lab, [
      bench.getByRole('table', { name: 'Versions of Stock levels' }),
      bench.getByRole('table', { name: 'Answers' }),
    ]);
  });

  test('at 390 px chapter 13’s view and its stored and read events fit inside the page', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    const bench = await buildThroughUpcaster(page);
    const lab = new LabPage(page);
    await fitsAt390(lab, [
      bench.getByRole('table', { name: 'Sales by currency' }),
      bench.getByLabel('Stored in the log'),
      bench.getByLabel('What the projection reads'),
      bench.getByLabel('Event to compare'),
    ]);
  });

  test('at 390 px chapter 12’s loads table and snapshot fit inside the page', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    const bench = await loadFromSnapshot(page);
    const lab = new LabPage(page);
    const table = bench.getByRole('table', { name: 'Loads of the account' });
    await expect(table.getByRole('row')).toHaveCount(2);
    await fitsAt390(lab, [table, bench.getByLabel('Newest snapshot')]);
  });

  test('at 390 px the buttons of chapters 10 and 11 wrap inside the page instead of being cut off', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    for (const [id, title] of [
      ['without-cqrs', /Chapter 10/],
      ['when-not-to-use-cqrs', /Chapter 11/],
    ] as const) {
      await openChapter(page, id, title);
      const prediction = page.getByRole('form', { name: 'Prediction' });
      await prediction.getByRole('radio').first().check();
      await prediction.getByRole('button', { name: 'Lock in my prediction' }).click();
      const bench = page.locator('.workbench');
      const buttons = bench.getByRole('button');
      await expect(buttons.first()).toBeVisible();
      // The workbench clips what overflows it: each button must end inside it, and it inside the page.
      const benchBox = await bench.boundingBox();
      const benchRight = (benchBox?.x ?? Infinity) + (benchBox?.width ?? 0);
      expect(benchRight).toBeLessThanOrEqual(390);
      for (const button of await buttons.all()) {
        const box = await button.boundingBox();
        const name = (await button.textContent()) ?? '';
        expect((box?.x ?? Infinity) + (box?.width ?? 0), name).toBeLessThanOrEqual(benchRight);
        // Nor does its label run past the button's own edge.
        expect(await button.evaluate((el) => el.scrollWidth - el.clientWidth), name).toBe(0);
      }
    }
  });
});
