import type { Page } from '@playwright/test';
import { scaled } from '../cpuSlowdown';
import { expect } from '../fixtures';
import { LabPage } from './labPage';

/** A chapter's progress line once its scenario is set up, before any prediction. */
export const SET_UP = /^Set up\. Predict first: lock in a choice, and your task appears\.$/;

/**
 * Opens a chapter by its URL and waits until its scenario is set up. Returns the Lessons region,
 * the chapter's progress line, the lab, and the console errors the page reports from then on.
 */
export const openChapter = async (page: Page, id: string, title: RegExp) => {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  const lab = await new LabPage(page).front();
  await page.goto(`./#/lessons/${id}`);
  const lessons = page.getByRole('region', { name: 'Lessons' });
  await expect(lessons.getByRole('heading', { name: title })).toBeVisible();
  const progress = lessons.getByRole('status', { name: 'Chapter progress' });
  await expect(progress).toHaveText(SET_UP, { timeout: scaled(20_000) });
  return { lessons, progress, errors, lab };
};

/** Opens a chapter and locks in its first choice, so that its task and workbench are shown. */
export const openAndPredict = async (page: Page, id: string, title: RegExp) => {
  const opened = await openChapter(page, id, title);
  const prediction = page.getByRole('form', { name: 'Prediction' });
  await prediction.getByRole('radio').first().check();
  await prediction.getByRole('button', { name: 'Lock in my prediction' }).click();
  return opened;
};

/**
 * Opens chapter 12, locks in its first choice, takes the snapshots and loads ACC-3 from the newest;
 * returns its bench once the load is shown.
 */
export const loadFromSnapshot = async (page: Page) => {
  await openAndPredict(page, 'snapshots', /Chapter 12/);
  const bench = page.getByRole('group', { name: 'Snapshots' });
  await bench.getByRole('button', { name: 'Take a snapshot every 1,000 events' }).click();
  await bench.getByRole('button', { name: 'Load ACC-3 from its snapshot' }).click();
  await expect(bench.getByRole('status', { name: 'Last load' })).toHaveText(/^Read the snapshot/);
  return bench;
};

/**
 * Opens chapter 13, locks in its first choice, ships revision 2, places an order in euros and builds
 * Sales by currency without the upcaster and then with it; returns its bench once the view is built.
 */
export const buildThroughUpcaster = async (page: Page) => {
  await openAndPredict(page, 'upcasting', /Chapter 13/);
  const bench = page.getByRole('group', { name: 'Versioning' });
  await bench.getByRole('button', { name: 'Ship OrderPlaced revision 2' }).click();
  await bench.getByRole('button', { name: 'Place an order in euros' }).click();
  const view = bench.getByRole('status', { name: 'Sales by currency progress' });
  await bench.getByRole('button', { name: 'Build Sales by currency without the upcaster' }).click();
  await expect(view).toHaveText(/^Stopped at #1/);
  await bench.getByRole('button', { name: 'Build Sales by currency with the upcaster' }).click();
  await expect(view).toHaveText(/^Up to date/);
  return bench;
};

/**
 * Opens chapter 14, locks in its first choice, builds version 2 beside version 1, cuts over to it
 * and asks it about SKU-1; returns its bench once the answer is shown.
 */
export const cutOverToVersion2 = async (page: Page) => {
  await openAndPredict(page, 'blue-green', /Chapter 14/);
  const bench = page.getByRole('group', { name: 'Blue/green' });
  await bench.getByRole('button', { name: 'Build version 2 beside version 1' }).click();
  const cutOver = bench.getByRole('button', { name: 'Cut over to version 2' });
  await expect(cutOver).toBeEnabled({ timeout: scaled(30_000) });
  await cutOver.click();
  await bench.getByRole('button', { name: 'Drop version 1' }).click();
  await bench.getByRole('button', { name: 'Ask about SKU-1' }).click();
  await expect(bench.getByRole('status', { name: 'Last answer' })).toHaveText(/^Version 2/);
  return bench;
};

/** Opens chapter 15, locks in its first choice, and places an order until its payment is asked for. */
export const orderAwaitingPayment = async (page: Page) => {
  await openAndPredict(page, 'process-manager', /Chapter 15/);
  const bench = page.getByRole('group', { name: 'Fulfilment' });
  const place = bench.getByRole('button', { name: 'Place an order for 2 × SKU-1' });
  await expect(place).toBeEnabled({ timeout: scaled(30_000) });
  await place.click();
  await expect(bench.getByRole('button', { name: 'Pay ORD-1' })).toBeVisible({
    timeout: scaled(30_000),
  });
  return bench;
};

/** Opens chapter 17, locks in its first choice, and leaves a phantom: published, crashed, never saved. */
export const phantomOrder = async (page: Page) => {
  await openAndPredict(page, 'outbox', /Chapter 17/);
  const bench = page.getByRole('group', { name: 'Dual write' });
  const place = bench.getByRole('button', { name: 'Place an order for 1 × SKU-1' });
  await expect(place).toBeEnabled({ timeout: scaled(30_000) });
  await bench.getByRole('radio', { name: 'Publish, then write' }).check();
  await bench
    .getByRole('checkbox', { name: 'Crash the orders service after its first step' })
    .check();
  await place.click();
  await expect(
    bench.getByRole('table', { name: 'Orders and what the warehouse knows' }),
  ).toContainText('Phantom', { timeout: scaled(30_000) });
  return bench;
};

/** Opens chapter 16, locks in its first choice, and runs the orders both ways. */
export const runBothBoundaries = async (page: Page) => {
  await openAndPredict(page, 'consistency-boundaries', /Chapter 16/);
  const bench = page.getByRole('group', { name: 'Boundaries' });
  const status = bench.getByRole('status', { name: 'Boundaries bench' });
  for (const name of ['Run with order and stock together', 'Run with order and stock apart']) {
    await expect(status).toHaveText(/^Ready/, { timeout: scaled(90_000) });
    await bench.getByRole('button', { name }).click();
    await expect(status).toHaveText(/^Running/);
  }
  await expect(status).toHaveText(/^Ready/, { timeout: scaled(90_000) });
  return bench;
};
