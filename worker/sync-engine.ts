import { PROTOCOL_VERSION, SCHEMA_VERSION } from '../schema';
import { toMutation } from './outbox-entry';
import type { SyncStore } from './sync-store';
import { SyncError, type SyncErrorKind } from './sync-status';
import type { Transport } from './transport';

export type SyncOutcome =
  | { ok: true; pushed: number; pulled: number }
  | { ok: false; kind: SyncErrorKind | 'signed_out'; message: string };

export interface SyncOptions {
  pushBatchSize?: number;
  pullPageSize?: number;
  appVersion?: string;
  now?: () => Date;
}

/**
 * One sync round: push the outbox in order, then pull every page after the cursor. Pure: the
 * store and the transport are parameters, so the same code runs in the service worker, in a page
 * and in Node tests against the real API.
 */
export async function syncOnce(store: SyncStore, transport: Transport, options: SyncOptions = {}): Promise<SyncOutcome> {
  const { pushBatchSize = 100, pullPageSize = 500, now = () => new Date() } = options;
  const session = await store.session();
  if (!session) return { ok: false, kind: 'signed_out', message: 'Not signed in' };

  await store.updateStatus({ syncing: true, lastAttemptAt: now().toISOString() });
  let pushed = 0;
  let pulled = 0;
  try {
    // Push first, so that the pull brings back the server's view including our own writes.
    for (;;) {
      const batch = await store.pendingMutations(pushBatchSize);
      if (batch.length === 0) break;
      const response = await transport.push(session.token, {
        protocolVersion: PROTOCOL_VERSION,
        schemaVersion: SCHEMA_VERSION,
        deviceId: session.deviceId,
        ...(options.appVersion ? { appVersion: options.appVersion } : {}),
        mutations: batch.map(toMutation),
      });
      // Only now, with the server's answer in hand, does a mutation leave the pending state (S1).
      await store.markAcked(response.results);
      pushed += response.results.length;
    }
    for (;;) {
      const page = await transport.pull(session.token, await store.cursor(), pullPageSize);
      await store.applyPulled(page.changes, page.cursor);
      pulled += page.changes.length;
      if (!page.hasMore) break;
    }
    await store.updateStatus({ syncing: false, lastSyncedAt: now().toISOString(), lastError: null });
    return { ok: true, pushed, pulled };
  } catch (error) {
    const failure =
      error instanceof SyncError
        ? { kind: error.kind, message: error.message, ...(error.code ? { code: error.code } : {}) }
        : { kind: 'server' as const, message: error instanceof Error ? error.message : String(error) };
    await store.updateStatus({ syncing: false, lastError: failure });
    return { ok: false, kind: failure.kind, message: failure.message };
  }
}
