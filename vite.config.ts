/// <reference types="vitest/config" />
import { createServer, defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

// GitHub Pages serves the app from /<repository>/; the Pages workflow sets GITHUB_PAGES_BASE.
const base = process.env.GITHUB_PAGES_BASE ?? '/';

/**
 * Puts the stylesheet into index.html instead of linking it: the first paint then waits for the
 * page alone, not for a second request as well (on a slow phone network, a round trip or two).
 * It is small (about 4.5 kB compressed), and only this page uses it.
 */
const inlineStyles = (): Plugin => ({
  name: 'cqrs-lab-inline-styles',
  apply: 'build',
  transformIndexHtml: {
    order: 'post',
    handler: (html, { bundle }) =>
      html.replace(/<link rel="stylesheet"[^>]*href="([^"]+\.css)"[^>]*>/g, (tag, href: string) => {
        const asset = bundle?.[href.slice(base.length)];
        return asset?.type === 'asset' ? `<style>${String(asset.source)}</style>` : tag;
      }),
  },
});

/**
 * Builds the page's first render into index.html (src/prerender.tsx), so the header, the
 * introduction and the course map paint before any script has run; the script renders the same
 * page over it. A plain Vite server of its own (no config file, so not this plugin again) loads it.
 */
const firstPaint = (): Plugin => ({
  name: 'cqrs-lab-first-paint',
  apply: 'build',
  transformIndexHtml: {
    order: 'post',
    handler: async (html) => {
      const server = await createServer({
        configFile: false,
        root: import.meta.dirname,
        plugins: [react()],
        server: { middlewareMode: true, hmr: false, ws: false },
        appType: 'custom',
        // It renders src/prerender.tsx alone: no need to scan the page's imports (among them the
        // offline plugin's virtual module, which this plain server does not have).
        optimizeDeps: { noDiscovery: true },
        logLevel: 'error',
      });
      try {
        const { firstPaint: render } = (await server.ssrLoadModule('/src/prerender.tsx')) as {
          firstPaint: () => string;
        };
        const root = '<div id="root"></div>';
        if (!html.includes(root)) throw new Error('index.html has no empty #root to fill');
        return html.replace(root, `<div id="root">${render()}</div>`);
      } finally {
        await server.close();
      }
    },
  },
});

/**
 * Offline and installable: a service worker precaches the whole build (pages, scripts, workers,
 * icons) after the first visit, and a manifest makes the lab installable. A new deployment waits
 * until the learner presses `Reload to update` (src/ui/UpdateNotice.tsx), so a page never runs a
 * mix of old and new files: until then every file still comes from the old version's cache.
 */
const offline = () =>
  VitePWA({
    registerType: 'prompt',
    includeManifestIcons: false, // the globs below take them, once
    injectRegister: false, // src/offline.ts registers it, after the lab has started
    manifest: {
      name: 'CQRS Lab',
      short_name: 'CQRS Lab',
      description:
        'Learn CQRS and event sourcing by watching commands become events and reach read views.',
      theme_color: '#2f5d8a',
      background_color: '#ffffff',
      display: 'standalone',
      icons: [
        { src: 'pwa-192.png', sizes: '192x192', type: 'image/png' },
        { src: 'pwa-512.png', sizes: '512x512', type: 'image/png' },
        { src: 'pwa-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      ],
    },
    workbox: {
      // Every file of the build but the source maps (the manifest is added by the plugin itself).
      globPatterns: ['**/*.{html,js,css,svg,png}'],
      cleanupOutdatedCaches: true,
    },
  });

export default defineConfig({
  base,
  plugins: [react(), firstPaint(), inlineStyles(), offline()],
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
