/**
 * What the browser faults do inside the app's page where the UI is not the point: save many
 * records fast through the app's own save path (worker/local-writes.ts), read the device's
 * database whole for the checks, and start sync rounds the two ways the app does (ask the service
 * worker, or run the engine in the page under the same Web Lock). Bundled into one script
 * (page-hooks-bundle.ts) and added to a page of the app's origin: its Dexie opens the app's own
 * database, as a second tab's would.
 */
import './zod-jitless';
import { dexieSyncStore } from '../../worker/dexie-sync-store';
import { LocalDb } from '../../worker/local-db';
import { saveRecord } from '../../worker/local-writes';
import { syncOnce, type SyncOutcome } from '../../worker/sync-engine';
import { workerMessages } from '../../worker/sync-message';
import { createSyncScheduler } from '../../worker/sync-scheduler';
import { fetchTransport } from '../../worker/transport';

declare global {
  interface Window {
    hunianFaults?: typeof hooks;
    /** Exposed by the fault scenario (Playwright exposeBinding): hears each save as it succeeds. */
    faultSaved?: (saved: { id: string; fields: Record<string, unknown> }) => Promise<void>;
  }
}

const db = new LocalDb();
const inPage = createSyncScheduler(() => syncOnce(dexieSyncStore(db), fetchTransport(location.origin)));

/** Inspections on units of the device, in code order; each one told to the scenario once saved. */
async function saveInspections(count: number, tag: string, pauseMs = 0) {
  const session = await db.getMeta('session');
  if (!session) throw new Error('not signed in');
  const units = (await db.units.toArray()).sort((a, b) => a.code.localeCompare(b.code) || a.id.localeCompare(b.id));
  const saved: { id: string; fields: Record<string, unknown> }[] = [];
  for (let i = 0; i < count; i++) {
    const unit = units[(i * 7) % units.length]!;
    const fields = {
      regionId: unit.regionId,
      unitId: unit.id,
      type: 'periodic' as const,
      inspectedOn: '2026-11-20',
      conditionRating: 1 + (i % 5),
      notes: `${tag} #${i + 1}`,
      inspectorId: session.user.id,
      recordedAt: new Date().toISOString(),
      latitude: null,
      longitude: null,
      gpsAccuracyM: null,
      checklist: [],
    };
    const result = await saveRecord(db, 'inspections', undefined, fields);
    if (!result.ok) throw new Error(`refused locally: ${JSON.stringify(result.problems)}`);
    saved.push({ id: result.id, fields });
    await window.faultSaved?.({ id: result.id, fields });
    if (pauseMs > 0) await new Promise((resolve) => setTimeout(resolve, pauseMs));
  }
  return saved;
}

/** Every store of the device's database, for the checks; attachment bytes as their size only. */
async function dump(): Promise<Record<string, unknown[]>> {
  const stores: Record<string, unknown[]> = {};
  for (const table of db.tables) {
    const rows = await table.toArray();
    stores[table.name] =
      table.name === 'attachmentBlobs'
        ? rows.map((row: { blob?: Blob }) => ({ ...row, blob: undefined, blobSize: row.blob?.size ?? null }))
        : rows;
  }
  return stores;
}

/** Asks the service worker that controls the page for a round, as the app's sync client does. */
function syncViaWorker(timeoutMs = 20_000): Promise<SyncOutcome | 'no worker' | 'no answer'> {
  const controller = navigator.serviceWorker?.controller;
  if (!controller) return Promise.resolve('no worker');
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    const timer = setTimeout(() => resolve('no answer'), timeoutMs);
    channel.port1.onmessage = (event) => {
      clearTimeout(timer);
      resolve(event.data as SyncOutcome);
    };
    controller.postMessage({ type: workerMessages.sync }, [channel.port2]);
  });
}

const hooks = {
  saveInspections,
  dump,
  syncViaWorker,
  /** The engine in this page, under the Web Lock the service worker also takes (S9). */
  syncInPage: () => inPage(),
  outboxCount: () => db.outbox.count(),
  /** The records the outbox holds new (not yet on the server), with their fields. */
  pendingCreates: async () =>
    (await db.outbox.toArray()).filter((e) => e.op === 'upsert' && e.baseVersion === null).map((e) => ({ entity: e.entity, id: e.recordId, fields: e.fields })),
  cursor: async () => (await db.getMeta('cursor')) ?? 0,
  hasWorker: () => Boolean(navigator.serviceWorker?.controller),
};

window.hunianFaults = hooks;
