import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The benchmark harness is its own small page; it imports the app's real modules from ../src.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  worker: { format: 'es' },
  build: { outDir: '../dist-bench', emptyOutDir: true, target: 'es2022' },
});
