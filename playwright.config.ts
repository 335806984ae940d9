import { defineConfig, devices } from '@playwright/test';
import { scaled } from './e2e/cpuSlowdown';
import { launchOptions } from './e2e/launch';

// E2E_PORT lets a second checkout run its suite beside this one (the harness takes port + 9).
const port = Number(process.env.E2E_PORT ?? 4173);
const basePath = '/cqrs-lab/';
/** The bench harness page, served for the race of two real write workers. */
const harnessPort = port + 9;

export default defineConfig({
  testDir: './e2e',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: process.env.CI ? 2 : undefined,
  // A slow-machine run (E2E_CPU_SLOWDOWN=N) runs every page N times slower, so these absolute
  // budgets scale by N with it; the normal run keeps 30 s per test and 10 s per assertion.
  timeout: scaled(30_000),
  expect: { timeout: scaled(10_000) },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: `http://localhost:${port}${basePath}`,
    // Snapshots and screencast cost ~30% of the suite's time here; the action log is what we read.
    trace: { mode: 'retain-on-failure', screenshots: false, snapshots: false, sources: true },
    screenshot: 'only-on-failure',
    // The offline service worker would fetch the whole build again for every test's fresh context;
    // e2e/offline.spec.ts allows it where it is the point.
    serviceWorkers: 'block',
  },
  projects: [
    {
      name: 'e2e',
      testMatch: /.*\.spec\.ts/,
      use: { ...devices['Desktop Chrome'], launchOptions },
    },
    {
      // Every chapter again on a phone, done with touch taps (fixtures.ts turns clicks into taps).
      name: 'phone',
      testMatch: /lessons\.spec\.ts/,
      use: {
        ...devices['Desktop Chrome'],
        viewport: { width: 390, height: 844 },
        hasTouch: true,
        isMobile: true,
        launchOptions,
      },
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
