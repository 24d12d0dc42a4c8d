import { entityByName, validators, type Change, type MutationResult } from '../schema';
import type { LocalDb } from './local-db';
import type { OutboxEntry } from './outbox-entry';
import type { SyncStore } from './sync-store';
import { initialSyncStatus } from './sync-status';

/** Fields of the device's own mutations not yet visible in pulled state, by record id. */
function overlays(entries: readonly OutboxEntry[]): Map<string, Record<string, unknown>> {
  const byRecord = new Map<string, Record<string, unknown>>();
  for (const entry of [...entries].sort((a, b) => a.seq - b.seq)) {
    byRecord.set(entry.recordId, { ...byRecord.get(entry.recordId), ...entry.fields });
  }
  return byRecord;
}

export function dexieSyncStore(db: LocalDb): SyncStore {
  const syncedTables = () => db.tables.filter((t) => entityByName(t.name)?.synced);
  return {
    session: () => db.getMeta('session'),

    pendingMutations: (limit) => db.outbox.where('state').equals('pending').limit(limit).sortBy('seq'),

    markAcked: (results: readonly MutationResult[]) =>
      db.transaction('rw', db.outbox, async () => {
        for (const result of results) {
          await db.outbox.update(result.seq, { state: 'acked', appliedSeq: result.appliedSeq });
        }
      }),

    cursor: async () => (await db.getMeta('cursor')) ?? 0,

    applyPulled: (changes: readonly Change[], cursor: number) =>
      db.transaction('rw', [...syncedTables(), db.outbox, db.meta], async () => {
        // Acknowledged writes the cursor has now passed are part of the server state we hold.
        await db.outbox.where('state').equals('acked').and((e) => (e.appliedSeq ?? Infinity) <= cursor).delete();
        const overlay = overlays(await db.outbox.toArray());
        for (const change of changes) {
          const entity = entityByName(change.entity);
          // A newer server may know entities this app version does not: skip them, keep the cursor moving.
          if (!entity?.synced) continue;
          const parsed = validators[entity.name].record.safeParse(change.record);
          if (!parsed.success) {
            console.warn(`Skipping an invalid ${change.entity} record from the server`, parsed.error.issues);
            continue;
          }
          const table = db.entityTable(entity.name);
          const mine = overlay.get(change.recordId);
          // The user's own unsent or unconfirmed edits stay visible on top of the server's state (S7).
          if (mine) await table.put({ ...parsed.data, ...mine });
          else if (parsed.data.deleted) await table.delete(change.recordId);
          else await table.put(parsed.data);
        }
        await db.setMeta('cursor', cursor);
      }),

    updateStatus: async (patch) => {
      await db.transaction('rw', db.meta, async () => {
        const current = (await db.getMeta('syncStatus')) ?? initialSyncStatus;
        await db.setMeta('syncStatus', { ...current, ...patch });
      });
    },
  };
}
