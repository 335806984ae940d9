import { expect, test, type Page } from '@playwright/test';
import { LabPage } from './page-models/labPage';

type Row = { position: number; streamId: string; version: number; meta: { commandId: string } };

/** Every row of an IndexedDB store of this origin, read raw (beside the app's own workers). */
const readStore = (page: Page, db: string, store: string) =>
  page.evaluate(
    ([name, table]) =>
      new Promise<unknown[]>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => {
          const all = request.result.transaction(table).objectStore(table).getAll();
          all.onsuccess = () => {
            request.result.close();
            resolve(all.result as unknown[]);
          };
          all.onerror = () => reject(all.error ?? new Error('read failed'));
        };
        request.onerror = () => reject(request.error ?? new Error('open failed'));
      }),
    [db, store] as const,
  );

const SHOP_VIEWS = ['Order status', 'Stock levels', 'Sales dashboard', 'Product search'];
const readStoreName = (view: string) =>
  `cqrs-lab-read-${view.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;

test('reloading three times mid-burst loses nothing, halves nothing and leaves every view as a rebuild', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const lab = new LabPage(page);
  await lab.open();
  const load = page.getByRole('form', { name: 'Load' });
  await load.getByLabel('Per second', { exact: true }).fill('400');
  await load.getByLabel('Reads (%)', { exact: true }).fill('0');
  await load.getByLabel('Seconds', { exact: true }).fill('20');
  await load.getByRole('button', { name: 'Run load' }).click();
  for (let reload = 0; reload < 3; reload += 1) {
    await page.waitForTimeout(800 + reload * 300);
    await page.reload();
    await expect(lab.orderStatus.getByRole('status').first()).toHaveText(/^Up to date at #\d+$/, {
      timeout: 60_000,
    });
    if (reload < 2) await load.getByRole('button', { name: 'Run load' }).click();
  }

  const events = (await readStore(page, 'cqrs-lab-events', 'events')) as Row[];
  expect(events.length).toBeGreaterThan(100);
  // Gap-free positions, and each stream's versions 1, 2, 3…
  expect(events.map((e) => e.position)).toEqual(events.map((_, i) => i + 1));
  const versions = new Map<string, number>();
  for (const e of events) {
    expect(e.version).toBe((versions.get(e.streamId) ?? 0) + 1);
    versions.set(e.streamId, e.version);
  }
  // No command half in: an order's two events, a product's one, side by side; no command twice.
  const byCommand = new Map<string, number[]>();
  for (const e of events)
    byCommand.set(e.meta.commandId, [...(byCommand.get(e.meta.commandId) ?? []), e.position]);
  for (const [commandId, positions] of byCommand) {
    expect(positions.length, commandId).toBe(commandId.includes('setup') ? 1 : 2);
    expect((positions.at(-1) ?? 0) - (positions[0] ?? 0), commandId).toBe(positions.length - 1);
  }
  // Acknowledged means recorded: every command record points at exactly its events.
  const records = (await readStore(page, 'cqrs-lab-events', 'commands')) as {
    commandId: string;
    positions?: number[];
  }[];
  for (const record of records)
    if (record.positions)
      expect(record.positions, record.commandId).toEqual(byCommand.get(record.commandId));

  console.log(
    `reload test: ${String(events.length)} events from ${String(byCommand.size)} commands, 3 reloads, 0 lost, 0 halves, 0 gaps`,
  );
  // Every view, caught up after the reloads, equals a rebuild of it from the log.
  for (const view of SHOP_VIEWS) {
    await expect(lab.viewStatus(view)).toHaveText(`Up to date at #${String(events.length)}`, {
      timeout: 60_000,
    });
    const before = await readStore(page, readStoreName(view), 'rows');
    await page.getByRole('button', { name: `Rebuild ${view}` }).click();
    await expect(
      page.getByRole('region', { name: view }).getByText(/^Rebuilt from #0/),
    ).toBeVisible({
      timeout: 60_000,
    });
    await expect(lab.viewStatus(view)).toHaveText(`Up to date at #${String(events.length)}`);
    const after = await readStore(page, readStoreName(view), 'rows');
    expect(before, view).toEqual(after);
  }
});
