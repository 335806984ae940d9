import { expect, type Locator, type Page } from '@playwright/test';

/** The main screen, addressed the way a learner (or a screen reader) finds things. */
export class LabPage {
  readonly commands: Locator;
  readonly eventLog: Locator;
  readonly orderStatus: Locator;
  readonly stockLevels: Locator;
  readonly accountBalances: Locator;
  readonly clock: Locator;
  readonly load: Locator;

  constructor(readonly page: Page) {
    this.commands = page.getByRole('region', { name: 'Commands' });
    this.eventLog = page.getByRole('table', { name: 'Event log' });
    const views = page.getByRole('region', { name: 'Read views' });
    this.orderStatus = views.getByRole('region', { name: 'Order status' });
    this.stockLevels = views.getByRole('region', { name: 'Stock levels' });
    this.accountBalances = views.getByRole('region', { name: 'Account balances' });
    this.clock = page.getByRole('status', { name: 'Simulation clock' });
    this.load = page.getByRole('form', { name: 'Load' });
  }

  /** Starts the workload: orders (and `readsPercent` % queries) at `perSecond` for `seconds`. */
  async runLoad({
    perSecond,
    readsPercent,
    seconds,
  }: {
    perSecond: number;
    readsPercent: number;
    seconds: number;
  }) {
    await this.load.getByLabel('Per second', { exact: true }).fill(String(perSecond));
    await this.load.getByLabel('Reads (%)', { exact: true }).fill(String(readsPercent));
    await this.load.getByLabel('Seconds', { exact: true }).fill(String(seconds));
    await this.load.getByRole('button', { name: 'Run load' }).click();
  }

  /** Fills a command form's fields by their labels and submits it with its own button. */
  async submit(formName: string, fields: Record<string, string>) {
    const form = this.form(formName);
    for (const [label, value] of Object.entries(fields))
      await form.getByLabel(label, { exact: true }).fill(value);
    await form.getByRole('button', { name: formName, exact: true }).click();
    return form;
  }

  async useDomain(name: 'Shop' | 'Bank') {
    await this.commands.getByRole('button', { name, exact: true }).click();
  }

  /** A read view's freshness line (its first status). */
  viewStatus(view: string) {
    return this.page
      .getByRole('region', { name: 'Read views' })
      .getByRole('region', { name: view })
      .getByRole('status')
      .first();
  }

  /** The row of a read view that mentions `text`. */
  viewRow(view: Locator, text: string) {
    return view.getByRole('row').filter({ hasText: text });
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
    await this.submit('Add product', { SKU: p.sku, Name: p.name, Price: p.price, Stock: p.stock });
  }

  /** Waits until the last command's outcome is back and every message has been delivered. */
  async settled(formName: string) {
    await expect(this.form(formName).getByRole('status')).toHaveText(/^(Appended|Already)/);
    await expect(this.clock).toHaveText(/· 0 pending$/);
  }

  async placeOrder(sku: string, quantity: string) {
    await this.submit('Place order', { SKU: sku, Quantity: quantity });
  }

  /** The id of the newest order in the event log. */
  async lastOrderId() {
    const row = this.eventLog.getByRole('row').filter({ hasText: 'OrderPlaced' }).first();
    const stream = await row.getByRole('cell').nth(1).textContent();
    return (stream ?? '').replace(/^order-/, '');
  }

  logRows() {
    return this.eventLog.locator('tbody tr:not(.spacer)');
  }
}
