/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const apiPort = process.env.PORT ?? '8787';

// schema/ and worker/ run nothing when imported (the service worker, an entry, aside), so a module
// of theirs whose exports go unused is left out. Without this, importing anything through a
// public face (worker/index.ts, schema/index.ts) brings every module it re-exports, and with the
// entity definitions comes zod: the first load would carry the write path and the validators.
const repoRoot = fileURLToPath(new URL('.', import.meta.url));
const inertModule = (id: string) => id.startsWith(repoRoot) && /^(schema|worker)\/(?!sw\.ts$)[^?]*\.ts$/.test(id.slice(repoRoot.length));

export default defineConfig({
  root: 'web',
  publicDir: 'public',
  // The app runs in current Chromium-based browsers, which preload modules themselves: no polyfill
  // in the first load.
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    modulePreload: { polyfill: false },
    rolldownOptions: {
      treeshake: { moduleSideEffects: (id) => !inertModule(id) },
      // Named after what they hold, so that the first load's list of files reads (bench/app-shell.ts).
      output: {
        codeSplitting: {
          groups: [
            { name: 'dexie', test: /node_modules[\\/]dexie[\\/]/ },
            { name: 'zod', test: /node_modules[\\/]zod[\\/]/ },
          ],
        },
      },
    },
  },
  server: { proxy: { '/api': `http://localhost:${apiPort}` } },
  plugins: [
    preact(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: '../worker',
      filename: 'sw.ts',
      injectRegister: false,
      injectManifest: {
        rollupFormat: 'iife',
        globPatterns: ['**/*.{js,css,html,svg,png,ico,webmanifest}'],
      },
      devOptions: { enabled: true, type: 'module' },
      manifest: {
        id: '/',
        name: 'Hunian: Rusunawa Field App',
        short_name: 'Hunian',
        description: 'Pendataan rumah susun sewa: unit, pemeriksaan dan laporan hunian, juga tanpa sinyal.',
        lang: 'id',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'any',
        theme_color: '#0f5e5a',
        background_color: '#ffffff',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
    }),
  ],
  test: {
    root: '.',
    include: ['{schema,api,worker,web,scripts,faults}/**/*.test.{ts,tsx}'],
    testTimeout: 30_000,
  },
});
