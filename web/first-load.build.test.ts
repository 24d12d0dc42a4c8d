import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build, type Plugin, type PluginOption } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstLoadFiles } from '../bench/first-load';
import config from '../vite.config';

/**
 * The first load (the officer's home screen) must not carry zod and the entity definitions, nor
 * the screens that load on demand. It holds only because the page reads generated store specs
 * and writers (schema/generated/) and because schema/ and worker/ modules count as free of import
 * side effects (vite.config.ts): one value import of the wrong module undoes it, and only a build
 * shows it. bench/app-shell.ts measures the size itself.
 */
const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'hunian-first-load-'));
/** Source modules of each output file, relative to the repository. */
const modulesOf = new Map<string, string[]>();

const recordModules: Plugin = {
  name: 'record-modules',
  generateBundle(_options, bundle) {
    for (const [file, chunk] of Object.entries(bundle)) {
      if (chunk.type === 'chunk') modulesOf.set(file, Object.keys(chunk.modules).map((id) => path.relative(process.cwd(), id)));
    }
  },
};

let firstLoadModules: string[] = [];

beforeAll(async () => {
  // The app's own config without the service worker's build, which the first load does not include.
  const plugins: PluginOption[] = (config.plugins ?? []).flat(2);
  const appPlugins = plugins.filter((p) => !(p && typeof p === 'object' && 'name' in p && p.name.startsWith('vite-plugin-pwa')));
  await build({
    ...config,
    configFile: false,
    mode: 'production',
    logLevel: 'silent',
    build: { ...config.build, outDir: dist, emptyOutDir: true },
    plugins: [...appPlugins, recordModules],
  });
  firstLoadModules = firstLoadFiles(dist).flatMap((file) => modulesOf.get(file) ?? []);
}, 120_000);

afterAll(() => fs.rmSync(dist, { recursive: true, force: true }));

describe('the first load (the build, as index.html loads it)', () => {
  it('opens the database and shows home: LocalDb, Dexie and the home screen are in it', () => {
    expect(firstLoadModules).toEqual(expect.arrayContaining(['worker/local-db.ts', 'schema/generated/dexie-stores.ts', 'web/screens/home-screen.tsx']));
    expect(firstLoadModules.some((m) => m.includes('node_modules/dexie/'))).toBe(true);
  });

  it('carries neither zod nor the entity definitions and validators', () => {
    const schemaCode = firstLoadModules.filter((m) => /node_modules\/zod\/|^schema\/(entities\/|field\.ts|validators\.ts|dexie-stores\.ts)/.test(m));
    expect(schemaCode).toEqual([]);
  });

  it('leaves the write path, sign-in and the other screens to load on demand', () => {
    const onDemand = firstLoadModules.filter((m) => /^worker\/(local-writes|sign-in|sync-engine|export-unsent-work)\.ts$|^web\/screens\/(?!home-screen|not-found-screen)/.test(m));
    expect(onDemand).toEqual([]);
  });

  it('leaves the office to load on demand: its screens, chart.js and the Excel writer', () => {
    const office = firstLoadModules.filter((m) => /^web\/(office|admin|audit|server-copy|people)\/|node_modules\/(chart\.js|write-excel-file)\//.test(m));
    expect(office).toEqual([]);
  });
});
