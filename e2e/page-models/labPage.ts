import { expect, type Locator, type Page } from '@playwright/test';

/** The main screen, addressed the way a learner (or a screen reader) finds things. */
export class LabPage {
  readonly commands: Locator;
  readonly eventLog: Locator;
  readonly orderStatus: Locator;

  constructor(readonly page: Page) {
    this.commands = page.getByRole('region', { name: 'Commands' });
    this.eventLog = page.getByRole('table', { name: 'Event log' });
    this.orderStatus = page
      .getByRole('region', { name: 'Read views' })
      .getByRole('region', { name: 'Order status' });
  }

  async open() {
    await this.page.goto('./');
    await expect(this.page.getByRole('heading', { name: 'CQRS Lab' })).toBeVisible();
    await expect(this.orderStatus.getByRole('status')).toHaveText(/^Up to date at #\d+$/);
  }

  form(name: string) {
    return this.commands.getByRole('form', { name });
  }

  async addProduct(p: { sku: string; name: string; price: string; stock: string }) {
    const form = this.form('Add product');
    await form.getByLabel('SKU', { exact: true }).fill(p.sku);
    await form.getByLabel('Name', { exact: true }).fill(p.name);
    await form.getByLabel('Price', { exact: true }).fill(p.price);
    await form.getByLabel('Stock', { exact: true }).fill(p.stock);
    await form.getByRole('button', { name: 'Add product' }).click();
  }

  async placeOrder(sku: string, quantity: string) {
    const form = this.form('Place order');
    await form.getByLabel('SKU', { exact: true }).fill(sku);
    await form.getByLabel('Quantity', { exact: true }).fill(quantity);
    await form.getByRole('button', { name: 'Place order' }).click();
  }

  logRows() {
    return this.eventLog.locator('tbody tr');
  }
}
