// How the test browser is launched, for the e2e suite and the bench alike.
import { existsSync } from 'node:fs';
import type { LaunchOptions } from '@playwright/test';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/**
 * The test browser: CHROMIUM_PATH if set, else Debian's /usr/bin/chromium if present, else
 * Playwright's own Chromium (install it once with `npx playwright install chromium`).
 */
export const executablePath =
  process.env.CHROMIUM_PATH ?? (existsSync(DEBIAN_CHROMIUM) ? DEBIAN_CHROMIUM : undefined);

/** Launch settings shared by playwright.config.ts and bench/playwright.config.ts. */
export const launchOptions: LaunchOptions = {
  executablePath,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};
