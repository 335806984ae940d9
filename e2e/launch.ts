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

/**
 * Chromium features the test browser runs without. Playwright passes its own
 * `--disable-features` list; a second switch replaces the first (chrome://version shows only the
 * last), so this repeats Playwright 1.65's list and adds two of ours:
 * - WebUIOmniboxPopup, WebUIOmniboxAimPopup: since Chromium 151 every new window pre-renders the
 *   address bar's popup in two renderers of its own, headless too, about a second of CPU per
 *   browser context on a 2-core machine, taken from the app under test.
 */
export const disabledFeatures = [
  // Playwright 1.65's own (playwright-core's chromiumSwitches.ts), less Windows- and Edge-only ones.
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  // Ours.
  'WebUIOmniboxPopup',
  'WebUIOmniboxAimPopup',
];

/** Launch settings shared by playwright.config.ts and bench/playwright.config.ts. */
export const launchOptions: LaunchOptions = {
  executablePath,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    `--disable-features=${disabledFeatures.join(',')}`,
  ],
};
