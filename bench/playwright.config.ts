import { defineConfig } from '@playwright/test';
import { launchOptions } from '../e2e/launch';

const port = 4180;
export const appPort = 4181;

export default defineConfig({
  testDir: '.',
  testMatch: /.*\.bench\.ts/,
  timeout: 15 * 60_000,
  workers: 1,
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${port}/`,
    launchOptions,
  },
  webServer: [
    {
      command: `npx vite build --config bench/vite.config.ts && npx vite preview --config bench/vite.config.ts --port ${port} --strictPort`,
      url: `http://localhost:${port}/`,
      reuseExistingServer: false,
      timeout: 120_000,
      cwd: '..',
    },
    {
      // The real app, production build, for the main-thread figures.
      command: `npx vite build --outDir dist-bench-app && npx vite preview --outDir dist-bench-app --port ${appPort} --strictPort`,
      url: `http://localhost:${appPort}/`,
      reuseExistingServer: false,
      timeout: 120_000,
      cwd: '..',
    },
  ],
});
