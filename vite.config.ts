/// <reference types="vitest/config" />
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const apiPort = process.env.PORT ?? '8787';

export default defineConfig({
  root: 'web',
  publicDir: 'public',
  // The app runs in current Chromium-based browsers, which preload modules themselves: no polyfill
  // in the first load.
  build: { outDir: '../dist', emptyOutDir: true, modulePreload: { polyfill: false } },
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
    include: ['{schema,api,worker,web,scripts}/**/*.test.{ts,tsx}'],
    testTimeout: 30_000,
  },
});
