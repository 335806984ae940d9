// Takes the README's screenshot from the real app: `npm run screenshot` writes docs/screenshot.png.
// It shows the moment after the write model appended an order, with the views still catching up,
// in the light and the dark theme.
import { expect, test } from '@playwright/test';
import { LabPage } from './page-models/labPage';

for (const scheme of ['light', 'dark'] as const)
  test(`README screenshot (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    const lab = new LabPage(page);
    await lab.open();
    await lab.addProduct({ sku: 'SKU-1', name: 'Blue mug', price: '12.50', stock: '5' });
    await expect(lab.logRows()).toHaveCount(1);
    await lab.addProduct({ sku: 'SKU-2', name: 'Teapot', price: '30', stock: '2' });
    await expect(lab.logRows()).toHaveCount(2);
    await lab.placeOrder('SKU-1', '2');
    await expect(lab.viewStatus('Product search')).toHaveText('Up to date at #4');
    await expect(lab.clock).toHaveText(/· 0 pending$/);

    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    await lab.placeOrder('SKU-2', '1');
    await expect(lab.clock).toHaveText(/· 1 pending$/);
    await page.getByRole('button', { name: 'Step forward' }).click();
    await expect(lab.logRows()).toHaveCount(6);
    await page.getByRole('button', { name: 'Step forward' }).click();
    await page.getByRole('button', { name: 'Step forward' }).click();
    await lab.eventLog.getByRole('row').filter({ hasText: 'OrderPlaced' }).first().click();
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({
      path: scheme === 'light' ? 'docs/screenshot.png' : 'docs/screenshot-dark.png',
    });
  });
