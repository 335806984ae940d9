import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures';
import { LabPage } from './page-models/labPage';

/** The marked lines of a read-only listing, as text. */
const markedLines = (listing: Locator) => listing.locator('.cm-marked-line');

test.describe('see the code that ran', () => {
  test('a refused command shows the decider’s code, the refusing rule marked', async ({ page }) => {
    const lab = new LabPage(page);
    await lab.open();
    await lab.fastest();
    await lab.addProduct({ sku: 'SKU-1', name: 'Blue mug', price: '12.50', stock: '2' });
    await lab.placeOrder('SKU-1', '5');
    const form = lab.form('Place order');
    await expect(form.getByRole('alert')).toHaveText(
      'Refused: Not enough stock for SKU-1: 2 available, 5 requested',
    );

    const show = form.getByRole('button', { name: 'Show the rule that refused it' });
    await show.click();
    await expect(show).toHaveAttribute('aria-expanded', 'true');
    const code = form.getByRole('group', { name: 'Code that ran' });
    await expect(
      code.getByRole('heading', { name: 'The rule that refused PlaceOrder' }),
    ).toBeVisible();
    await expect(code).toContainText('src/domain/shop/shop.decider.ts');

    // The handler, with its call on the way to the rule marked ...
    const handler = code.locator('figure', {
      has: page.getByRole('textbox', { name: 'placeOrder in src/domain/shop/shop.decider.ts' }),
    });
    await expect(handler).toContainText('const placeOrder = ');
    await expect(markedLines(handler)).toContainText([/priceLine/]);
    // ... and the helper that refused, the rule itself marked: its test and its message.
    const rule = code.locator('figure', {
      has: page.getByRole('textbox', { name: 'priceLine in src/domain/shop/shop.decider.ts' }),
    });
    await expect(markedLines(rule).first()).toContainText('if (free < line.quantity)');
    await expect(markedLines(rule).filter({ hasText: 'Not enough stock for' })).toHaveCount(1);
    await expect(rule.locator('figcaption')).toHaveText(/^Marked in priceLine: lines \d+–\d+\.$/);

    // A refusal no rule of the decider says (the schema's) shows the handler and says so.
    await lab.submit('Place order', { SKU: 'SKU-1', Quantity: '2' });
    await expect(form.getByRole('status')).toContainText('OrderPlaced');
    await form.getByRole('button', { name: 'Show the code that decided it' }).click();
    await expect(
      form.getByRole('group', { name: 'Code that ran' }).getByRole('heading', {
        name: 'The code that decided PlaceOrder',
      }),
    ).toBeVisible();
  });

  test('an event shows the code that decided and projected it; a view row, the code that built it', async ({
    page,
  }) => {
    const lab = new LabPage(page);
    await lab.open();
    await lab.fastest();
    await lab.addProduct({ sku: 'SKU-1', name: 'Blue mug', price: '12.50', stock: '5' });
    await lab.placeOrder('SKU-1', '2');
    await expect(lab.form('Place order').getByRole('status')).toContainText('OrderPlaced #2');
    const orderId = await lab.lastOrderId();

    await lab.logRows().filter({ hasText: 'OrderPlaced' }).click();
    const inspector = page.getByRole('group', { name: 'Event #2' });
    await inspector.getByRole('button', { name: 'Show the code that ran' }).click();
    const code = inspector.getByRole('group', { name: 'Code that ran' });
    await expect(code.getByRole('heading', { name: 'Decided by PlaceOrder' })).toBeVisible();
    const decider = code.locator('figure', {
      has: page.getByRole('textbox', { name: 'placeOrder in src/domain/shop/shop.decider.ts' }),
    });
    await expect(markedLines(decider).filter({ hasText: "type: 'OrderPlaced'" })).toHaveCount(1);
    await expect(code.getByRole('heading', { name: 'The Order status projection' })).toBeVisible();
    const projection = code.locator('figure', {
      has: page.getByRole('textbox', {
        name: 'orderStatusProjection in src/domain/shop/orderStatus.projection.ts',
      }),
    });
    await expect(markedLines(projection).first()).toHaveText("case 'OrderPlaced': {");
    // Stock levels does not handle OrderPlaced: it is not listed.
    await expect(code.getByRole('heading', { name: 'The Stock levels projection' })).toHaveCount(0);

    await lab.logRows().filter({ hasText: 'OrderPlaced' }).click(); // the inspector closes
    await expect(inspector).toHaveCount(0);
    await lab.orderStatus.getByRole('button', { name: `Provenance of ${orderId}` }).click();
    const log = page.getByRole('region', { name: 'Event log' });
    await log.getByRole('button', { name: 'Show the projection code that built this row' }).click();
    const built = log.getByRole('group', { name: 'Code that ran' });
    await expect(
      built.getByRole('heading', { name: 'Built by the Order status projection' }),
    ).toBeVisible();
    await expect(built).toContainText(
      'Marked: the code for OrderPlaced: the types of the events that built this row',
    );
    await expect(markedLines(built).first()).toHaveText("case 'OrderPlaced': {");
    // The listing has scrolled within its own height to its first marked line.
    await expect
      .poll(() =>
        markedLines(built)
          .first()
          .evaluate((line) => {
            const scroller = line.closest('.cm-scroller');
            if (!scroller) return 'no scroller';
            const inner = line.getBoundingClientRect();
            const outer = scroller.getBoundingClientRect();
            return inner.top >= outer.top && inner.bottom <= outer.bottom ? 'in view' : 'hidden';
          }),
      )
      .toBe('in view');
  });
});
