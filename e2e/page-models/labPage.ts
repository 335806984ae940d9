import type { BrowserContext, Locator, Page } from '@playwright/test';
import { expect, throttled } from '../fixtures';

/** The read views the main screen shows for the shop (the bank's view is shown with the bank). */
export const SHOP_VIEWS = ['Order status', 'Stock levels', 'Sales dashboard', 'Product search'];

type Product = { sku: string; name: string; price: string; stock: string };

/** The main screen, addressed the way a learner (or a screen reader) finds things. */
export class LabPage {
  readonly commands: Locator;
  readonly eventLog: Locator;
  readonly orderStatus: Locator;
  readonly stockLevels: Locator;
  readonly accountBalances: Locator;
  readonly clock: Locator;
  readonly load: Locator;
  readonly speed: Locator;

  constructor(readonly page: Page) {
    this.commands = page.getByRole('region', { name: 'Commands' });
    this.eventLog = page.getByRole('table', { name: 'Event log' });
    const views = page.getByRole('region', { name: 'Read views' });
    this.orderStatus = views.getByRole('region', { name: 'Order status' });
    this.stockLevels = views.getByRole('region', { name: 'Stock levels' });
    this.accountBalances = views.getByRole('region', { name: 'Account balances' });
    this.clock = page.getByRole('status', { name: 'Simulation clock' });
    this.load = page.getByRole('form', { name: 'Load' });
    this.speed = page.getByRole('slider', { name: 'Speed' });
  }

  /** Opens the lab in a new tab of `context`: another client of the same store. */
  static async openIn(context: BrowserContext) {
    const lab = new LabPage(await context.newPage());
    await lab.open();
    return lab;
  }

  /** Brings this tab to the front, as a person looks at the tab they use; returns it. */
  async front() {
    await throttled(this.page);
    await this.page.bringToFront();
    return this;
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

  /** Fills a command form's fields by their labels; returns the form. */
  async fill(formName: string, fields: Record<string, string>) {
    const form = this.form(formName);
    for (const [label, value] of Object.entries(fields))
      await form.getByLabel(label, { exact: true }).fill(value);
    return form;
  }

  /** Fills a command form's fields by their labels and submits it with its own button. */
  async submit(formName: string, fields: Record<string, string>) {
    const form = await this.fill(formName, fields);
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

  /** The row of a read view for exactly this key (SKU-1, and not SKU-101). */
  keyRow(view: Locator, key: string) {
    return view.getByRole('row').filter({ has: this.page.getByText(key, { exact: true }) });
  }

  async open() {
    await this.front();
    await this.page.goto('./');
    await expect(this.page.getByRole('heading', { name: 'CQRS Lab' })).toBeVisible();
    await expect(this.orderStatus.getByRole('status')).toHaveText(/^Up to date at #\d+$/);
  }

  form(name: string) {
    return this.commands.getByRole('form', { name });
  }

  async addProduct(p: Product) {
    await this.submit('Add product', { SKU: p.sku, Name: p.name, Price: p.price, Stock: p.stock });
  }

  /** Adds a product and waits until it is appended and delivered everywhere (the clock running). */
  async addProductSettled(p: Product) {
    await this.addProduct(p);
    await this.settled('Add product');
  }

  /**
   * Waits until the last command's outcome is back and every message has been delivered. The
   * outcome first: `0 pending` is also what the clock says before the command is on its way.
   */
  async settled(formName: string) {
    await expect(this.form(formName).getByRole('status')).toHaveText(/^(Appended|Already)/);
    await expect(this.clock).toHaveText(/· 0 pending$/);
  }

  /**
   * Waits until the screen has drawn all the bus has done: `0 pending` on the clock is the bus's
   * word, but the list of messages in flight and each view's rows are drawn a frame or more later,
   * and changed rows flash. Every shop view up to date at the log's head, the list empty, no flash left.
   */
  async drawn() {
    await expect(this.clock).toHaveText(/· 0 pending$/);
    await expect(
      this.page
        .getByRole('region', { name: 'Messages in flight' })
        .getByText(/^Nothing on its way/),
    ).toBeVisible();
    const head = await this.logLength();
    for (const view of SHOP_VIEWS)
      await expect(this.viewStatus(view)).toHaveText(`Up to date at #${head}`);
    await expect.poll(() => this.page.evaluate(() => document.getAnimations().length)).toBe(0);
  }

  /** A form's outcome line, whichever it turns out to be: appended (a status) or refused (an alert). */
  outcome(formName: string) {
    const form = this.form(formName);
    return form.getByRole('status').or(form.getByRole('alert'));
  }

  /** Sets the Speed slider to its last stop, "As fast as possible": every message is due at once. */
  async fastest() {
    await this.speed.fill((await this.speed.getAttribute('max')) ?? '');
    await expect(this.speed).toHaveAttribute('aria-valuetext', 'As fast as possible');
  }

  /** Stops the clock; nothing moves until a step or Play. */
  async pause() {
    await this.page.getByRole('button', { name: 'Pause', exact: true }).click();
    await expect(this.page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  }

  /** Steps forward `times` times, each time waiting until the clock shows the step was taken. */
  async step(times = 1) {
    for (let i = 0; i < times; i += 1) {
      const before = (await this.clock.textContent()) ?? '';
      await this.page.getByRole('button', { name: 'Step forward' }).click();
      await expect(this.clock).not.toHaveText(before);
    }
  }

  /**
   * Paused, steps until the question's answer has arrived (at most `limit` steps): each step hands
   * over the next due message, so what arrives first is decided by virtual time, not by luck.
   */
  async stepUntilAnswered(answer: Locator, limit = 12) {
    for (let i = 0; i < limit && ((await answer.textContent()) ?? '').startsWith('Asking'); i += 1)
      await this.step();
    await expect(answer).not.toHaveText(/^Asking/);
  }

  /** Asks a read view a question through its query form; returns the answer line. */
  async ask(view: string, question: string) {
    const form = this.page.getByRole('form', { name: `Query ${view}` });
    // A key view's box offers its keys (a combobox); the search box is a plain text box.
    await form.getByRole('combobox').or(form.getByRole('textbox')).fill(question);
    await form.getByRole('button', { name: `Ask ${view}` }).click();
    return form.getByRole('status');
  }

  /** Sets how long the bus holds a view's mail, through the view's Delay slider. */
  async setDelay(view: string, ms: number) {
    const slider = this.page.getByRole('slider', { name: `${view} delay` });
    await slider.fill(String(ms));
    await expect(slider).toHaveValue(String(ms));
  }

  /** Clears the log and every view, answering Reset's question with yes. */
  /** Resets the lab and waits until the bus has done it (a command sent sooner would be dropped). */
  async reset() {
    const reset = this.page.getByRole('button', { name: 'Reset', exact: true });
    await reset.click();
    await this.page.getByRole('button', { name: 'Yes, reset' }).click();
    await expect(reset).toBeEnabled();
  }

  /** How many events the log holds, as its table tells a screen reader (less its header row). */
  async logLength() {
    return Number(await this.eventLog.getAttribute('aria-rowcount')) - 1;
  }

  /** Waits until the log holds at least `count` events. */
  async logAtLeast(count: number) {
    await expect.poll(() => this.logLength()).toBeGreaterThanOrEqual(count);
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

/**
 * The same command from several tabs at the same moment: each tab's form is filled in turn (that
 * tab in front), then every submit button is pressed at once.
 */
export const submitTogether = async (
  tabs: readonly LabPage[],
  formName: string,
  fields: Record<string, string>,
) => {
  for (const tab of tabs) await (await tab.front()).fill(formName, fields);
  await Promise.all(
    tabs.map((tab) =>
      tab.form(formName).getByRole('button', { name: formName, exact: true }).click(),
    ),
  );
};
