/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// GitHub Pages serves the app from /<repository>/; the Pages workflow sets GITHUB_PAGES_BASE.
const base = process.env.GITHUB_PAGES_BASE ?? '/';

export default defineConfig({
  base,
  plugins: [react()],
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: true },
  test: {
    include: ['src/**/*.test.ts'],
    // A test is judged by what it asserts, not by how fast this machine is: speed lives in the
    // benches. Property tests do a fixed amount of work that takes 4 s here and 2–3× longer on a
    // slower machine of the same kind, so Vitest's 5 s default would fail them there by luck.
    testTimeout: 60_000,
    environment: 'node',
    setupFiles: ['./src/test/setup.ts'],
  },
});
