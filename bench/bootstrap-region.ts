import fs from 'node:fs';
import { createRequire } from 'node:module';
import { PROTOCOL_VERSION, SCHEMA_VERSION, dexieStores, versionHeaders } from '../schema';
import type { Bench, BenchRow } from './bench-row';
import { officer, startHunianRun, waitForStoredUnits, type HunianRun } from './hunian-browser-run';

/** One round: a new device's bootstrap through the engine, then the raw bulkPut of the same records, in fresh contexts. */
async function bootstrapRound(run: HunianRun, units: number): Promise<{ engineMs: number; rawMs: number }> {
  const context = await run.browser.newContext({ baseURL: run.baseUrl });
  const page = await context.newPage();
  await page.goto('/');
  await page.getByLabel('Nama pengguna').fill(officer.username);
  await page.getByLabel('Kata sandi').fill(officer.password);
  const started = Date.now();
  await page.getByRole('button', { name: 'Masuk' }).click();
  await waitForStoredUnits(page, run, units, started + 300_000);
  const engineMs = Date.now() - started;
  await context.close();

  // The baseline page needs Dexie itself: its UMD build as a script tag (the CSP is bypassed here only).
  const raw = await run.browser.newContext({ baseURL: run.baseUrl, bypassCSP: true });
  const rawPage = await raw.newPage();
  await rawPage.goto('/api/health');
  await rawPage.addScriptTag({ content: fs.readFileSync(createRequire(import.meta.url).resolve('dexie/dist/dexie.js'), 'utf8') });
  const rawMs = await rawPage.evaluate(
    async ({ regionId, officer, stores, headers }) => {
      const login = await (await fetch('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(officer) })).json();
      const snapshot = await (await fetch(`/api/sync/snapshot?regionId=${regionId}`, { headers: { ...headers, authorization: `Bearer ${login.token}` } })).json();
      const byEntity = new Map<string, unknown[]>();
      for (const { entity, record } of snapshot.records as { entity: string; record: unknown }[]) byEntity.set(entity, [...(byEntity.get(entity) ?? []), record]);
      const db = new (globalThis as any).Dexie('bench-raw');
      db.version(1).stores(stores);
      await db.open();
      const t0 = performance.now();
      for (const [entity, records] of byEntity) {
        for (let i = 0; i < records.length; i += 1000) await db.table(entity).bulkPut(records.slice(i, i + 1000));
      }
      const ms = performance.now() - t0;
      db.close();
      return ms;
    },
    {
      regionId: run.regionId,
      officer,
      stores: dexieStores,
      headers: { [versionHeaders.protocol]: String(PROTOCOL_VERSION), [versionHeaders.schema]: String(SCHEMA_VERSION) },
    },
  );
  await raw.close();
  return { engineMs, rawMs };
}

/**
 * A new device signs in and its first sync pulls a region of `units` units into IndexedDB, in
 * headless Chromium, through the real app, service worker and engine. Timed from the click on
 * "Masuk" (the sign-in request is the first one) until the last seeded unit is stored.
 * Baseline, same browser and run: Dexie bulkPut of the same records (the region's snapshot) into
 * a database with the same stores, batches of 1,000, nothing else (no download, no validation).
 * A new device loads its regions from the bootstrap snapshot and then pulls the log (S25);
 * bench/profile-bootstrap.ts shows where the time of the same run goes.
 */
export const bench: Bench = async ({ smoke }) => {
  const units = smoke ? 500 : 50_000;
  const run = await startHunianRun({ units });
  try {
    // Three rounds, and the one with the median ratio is reported: on this shared 2-core machine
    // one round's ratio moved between 0.58 and 0.83 from one full run to the next.
    const rounds: { engineMs: number; rawMs: number }[] = [];
    for (let i = 0; i < (smoke ? 1 : 3); i++) rounds.push(await bootstrapRound(run, units));
    const ratioOf = (r: { engineMs: number; rawMs: number }) => r.rawMs / r.engineMs;
    const byRatio = [...rounds].sort((a, b) => ratioOf(a) - ratioOf(b));
    const { engineMs, rawMs } = byRatio[Math.floor((byRatio.length - 1) / 2)]!;

    const engineRate = units / (engineMs / 1000);
    const rawRate = units / (rawMs / 1000);
    const met = engineRate >= 0.7 * rawRate;
    const row: BenchRow = {
      benchmark: 'bootstrap-region',
      metric: `${units.toLocaleString('en-US')} units to IndexedDB, sign-in to stored (${(engineMs / 1000).toFixed(1)} s)`,
      value: engineRate,
      unit: 'records/s',
      baseline: rawRate,
      baselineLabel: `raw Dexie bulkPut, ${(rawMs / 1000).toFixed(1)} s`,
      goal: '≥ 0.7 × raw',
      met,
      ...(smoke
        ? {}
        : {
            note:
              (met
                ? ''
                : `${((engineRate / rawRate) * 100).toFixed(1)} % of raw, goal 70 % (the table rounds the ratio). The engine bootstraps from one snapshot (S25: gzip NDJSON streamed while the server reads it, each record checked, bulkPut two transactions deep); beyond the raw writes it signs in, the server reads and compresses the region on the same 2 cores, and on a first visit the service worker installs (precache) meanwhile. Profile: npx tsx bench/profile-bootstrap.ts. `) +
              `Median of ${rounds.length} rounds, each a new device then the raw writes; ratios ${rounds.map((r) => ratioOf(r).toFixed(2)).join(', ')}.`,
          }),
    };
    return [row];
  } finally {
    await run.stop();
  }
};
