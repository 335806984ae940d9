import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

// The test browser: CHROMIUM_PATH if set, else Debian's /usr/bin/chromium if present,
// else Playwright's own Chromium (install it once with `npx playwright install chromium`).
const systemChromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const executablePath = existsSync(systemChromium) ? systemChromium : undefined;

const launchOptions = {
  executablePath,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};

const port = 4173;
const basePath = '/cqrs-lab/';
/** The bench harness page, served for the race of two real write workers. */
const harnessPort = 4182;

export default defineConfig({
  testDir: './e2e',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: process.env.CI ? 2 : undefined,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: `http://localhost:${port}${basePath}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'e2e',
      testMatch: /.*\.spec\.ts/,
      use: { ...devices['Desktop Chrome'], launchOptions },
    },
    {
      name: 'docs',
      testMatch: /.*\.docs\.ts/,
      use: { ...devices['Desktop Chrome'], viewport: { width: 1440, height: 1000 }, launchOptions },
    },
  ],
  // The suite runs against the production build served from the GitHub Pages sub-path,
  // so the base path (and workers loading from it) are proven on every run.
  webServer: [
    {
      command: `GITHUB_PAGES_BASE=${basePath} npx vite build --outDir dist-e2e && npx vite preview --outDir dist-e2e --base ${basePath} --port ${port} --strictPort`,
      url: `http://localhost:${port}${basePath}`,
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
    },
    {
      // The bench harness (real write workers, no UI) for e2e/race.spec.ts. Its --outDir is
      // relative to bench/, the harness's root; bench/'s own dist-bench is left alone.
      command: `npx vite build --config bench/vite.config.ts --outDir ../dist-e2e-bench && npx vite preview --config bench/vite.config.ts --outDir ../dist-e2e-bench --port ${harnessPort} --strictPort`,
      url: `http://localhost:${harnessPort}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
    },
  ],
});
