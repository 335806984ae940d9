import { budgetFor, scaled } from './cpuSlowdown';
import { expect, test } from './fixtures';
import { LabPage } from './page-models/labPage';
import { expectLogWhole, expectViewsEqualRebuilds, SHOP_EVENTS } from './page-models/storage';

test('reloading three times mid-burst loses nothing, halves nothing and leaves every view as a rebuild', async ({
  page,
}) => {
  test.setTimeout(budgetFor({ appStarts: 4 })); // the first load and three reloads
  const lab = new LabPage(page);
  await lab.open();
  await lab.runLoad({ perSecond: 400, readsPercent: 0, seconds: 20 });
  for (let reload = 0; reload < 3; reload += 1) {
    // Mid-burst: the workload's orders are being appended; each reload cuts in further along.
    await lab.logAtLeast(40 * (reload + 1));
    await page.reload();
    await expect(lab.orderStatus.getByRole('status').first()).toHaveText(/^Up to date at #\d+$/, {
      timeout: scaled(20_000),
    });
    if (reload < 2) await lab.load.getByRole('button', { name: 'Run load' }).click();
  }

  // Gap-free, no command half in or twice, every command record pointing at exactly its events.
  const { events, byCommand } = await expectLogWhole(page, SHOP_EVENTS);
  expect(events).toBeGreaterThan(100);
  console.log(
    `reload test: ${String(events)} events from ${String(byCommand.size)} commands, 3 reloads, 0 lost, 0 halves, 0 gaps`,
  );
  // Every view, caught up after the reloads, equals a rebuild of it from the log.
  await expectViewsEqualRebuilds(lab, events);
});
