// For learners who follow by ear or ask for less motion: each step is said in words in a polite
// live region, and with reduced motion nothing glides or flashes.
import { expect, test } from './fixtures';
import { LabPage } from './page-models/labPage';

test('each step is announced in words: the command, the events each view applied, a step back', async ({
  page,
}) => {
  const lab = new LabPage(page);
  await lab.open();
  const lastStep = page.getByRole('status', { name: 'Last step' });
  await lab.pause();
  await lab.addProduct({ sku: 'SKU-1', name: 'Blue mug', price: '12.50', stock: '5' });

  await lab.step();
  await expect(lastStep).toHaveText(
    /^Delivered command AddProduct SKU-1 to Write model; it accepted it: ProductAdded #1\s?$/,
  );
  // Step on until Stock levels has its event (other views and the reply may come first).
  const heard: string[] = [];
  for (let i = 0; i < 6 && !heard.some((t) => t.includes('to Stock levels')); i += 1) {
    await lab.step();
    await expect(lastStep).toHaveText(/\S/);
    await expect(lastStep).not.toHaveText(/^Delivered 1 event #1 to [^;]+$/); // its view's word is in
    heard.push((await lastStep.textContent()) ?? '');
  }
  expect(heard).toContainEqual(
    expect.stringMatching(/^Delivered 1 event #1 to Stock levels; it is now up to date at #1\s?$/),
  );

  await page.getByRole('button', { name: 'Step back' }).click();
  await expect(lastStep).toHaveText(/^Took back the delivery of .+: pending again\s?$/);
});

test('with reduced motion, tokens sit still on their edge and changed rows do not flash', async ({
  page,
}) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const lab = new LabPage(page);
  await lab.open();
  // Stock levels' mail takes 5 s, at 0.1× speed 50 s: a glide would move its token every frame.
  await lab.setDelay('Stock levels', 5000);
  await lab.speed.fill('0');
  await lab.addProduct({ sku: 'SKU-1', name: 'Blue mug', price: '12.50', stock: '5' });
  const token = page
    .getByRole('region', { name: 'Flow' })
    .locator('[data-edge="Write model → Stock levels"][data-kind="events"]');
  await expect(token).toBeVisible();
  const places = await token.evaluate(
    (element) =>
      new Promise<string[]>((resolve) => {
        const seen: string[] = [];
        const sample = () => {
          const box = element.getBoundingClientRect();
          seen.push(`${box.x.toFixed(1)},${box.y.toFixed(1)}`);
          if (seen.length < 20) requestAnimationFrame(sample);
          else resolve(seen);
        };
        requestAnimationFrame(sample);
      }),
  );
  expect(new Set(places).size).toBe(1);

  await lab.setDelay('Stock levels', 0);
  await lab.fastest();
  await expect(lab.viewRow(lab.stockLevels, 'SKU-1')).toHaveCount(1);
  expect(await page.evaluate(() => document.getAnimations().length)).toBe(0);
});
