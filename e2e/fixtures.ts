// The e2e suite's `test`: Playwright's, with every page slowed down on a slow-machine run
// (E2E_CPU_SLOWDOWN=N, see cpuSlowdown.ts). Specs import `test` and `expect` from here.
import {
  expect,
  test as base,
  type BrowserContext,
  type BrowserContextOptions,
  type Locator,
  type Page,
} from '@playwright/test';
import { cpuSlowdown } from './cpuSlowdown';

export { expect } from '@playwright/test';

/** Each page's throttling, started when the page opened, so a fixture can wait for it. */
const throttling = new WeakMap<Page, Promise<void>>();

const throttle = async (page: Page) => {
  const session = await page.context().newCDPSession(page);
  await session.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
};

/** Throttles every page the context opens, from its 'page' event, before the test navigates it. */
const throttleEveryPage = (context: BrowserContext) => {
  if (cpuSlowdown === 1) return context;
  context.on('page', (page) => {
    const done = throttle(page);
    // Awaited by throttled(), which fails the test if it failed; nobody else needs to hear of it.
    void done.catch(() => undefined);
    throttling.set(page, done);
  });
  return context;
};

/** Waits until the page runs at the emulated speed (at once when nothing is throttled). */
export const throttled = async (page: Page) => {
  await throttling.get(page);
};

/**
 * On a touch project (the phone run of the chapters), every click and check in a spec is a tap:
 * the same spec then proves each chapter can be done with a finger. Undone after the test.
 */
const tapInsteadOfClick = (page: Page): (() => void) => {
  const proto = Object.getPrototypeOf(page.locator('html')) as Locator;
  // Kept as they are, to be put back as they were (never called unbound).
  const saved = Object.getOwnPropertyDescriptors(proto);
  proto.click = function (this: Locator, options?: Parameters<Locator['tap']>[0]) {
    return this.tap(options);
  };
  proto.check = async function (this: Locator) {
    if (!(await this.isChecked())) await this.tap();
    await expect(this).toBeChecked();
  };
  proto.uncheck = async function (this: Locator) {
    if (await this.isChecked()) await this.tap();
    await expect(this).not.toBeChecked();
  };
  return () =>
    Object.defineProperties(proto, {
      click: saved.click,
      check: saved.check,
      uncheck: saved.uncheck,
    } as PropertyDescriptorMap);
};

export const test = base.extend<{
  /** A fresh browser context (another browser's storage), throttled like the test's own. */
  newContext: (options?: BrowserContextOptions) => Promise<BrowserContext>;
}>({
  context: async ({ context }, use) => {
    await use(throttleEveryPage(context));
  },
  page: async ({ page }, use, testInfo) => {
    await throttled(page);
    const untap = testInfo.project.use.hasTouch ? tapInsteadOfClick(page) : () => undefined;
    try {
      await use(page);
    } finally {
      untap();
    }
  },
  newContext: async ({ browser }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async (options) => {
      const context = throttleEveryPage(await browser.newContext(options));
      contexts.push(context);
      return context;
    });
    await Promise.all(contexts.map((context) => context.close()));
  },
});
