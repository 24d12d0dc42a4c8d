import { emptyHash, entityByName, recordHash, undoneWhenRefused, xorHash, type Change, type MutationResult, type RegionDigest } from '../schema';
import { applyBootstrap, digestStamp } from './apply-bootstrap';
import { countPendingUploads, markUploaded, markUploadRefused, readUploadableAttachments } from './attachment-uploads';
import { shadowKey, type LocalDb } from './local-db';
import type { OutboxEntry } from './outbox-entry';
import { entriesByRecord, putWithOverlay } from './record-overlay';
import type { SyncStore } from './sync-store';
import { parseServerRecord } from './server-record';
import { initialSyncStatus } from './sync-status';

/** How often a region whose server digest has not changed is checked again anyway. */
export const verifyEveryMs = 3_600_000;

export function dexieSyncStore(db: LocalDb): SyncStore {
  const syncedTables = () => db.tables.filter((t) => entityByName(t.name)?.synced);
  const syncTables = () => [...syncedTables(), db.outbox, db.shadows, db.meta];

  /** Per region, the digest of what the server holds as far as this device knows (S17). */
  async function localDigests(): Promise<Map<string, { count: number; hash: string }>> {
    const digests = new Map<string, { count: number; hash: string }>();
    const add = (regionId: string, entity: string, record: Record<string, unknown>) => {
      const version = Number(record.version);
      if (!(version > 0) || record.deleted === true) return;
      const current = digests.get(regionId) ?? { count: 0, hash: emptyHash };
      digests.set(regionId, { count: current.count + 1, hash: xorHash(current.hash, recordHash(entity, String(record.id), version)) });
    };
    await db.transaction('r', syncTables(), async () => {
      const changed = new Set((await db.outbox.toArray()).map((e) => e.recordId));
      for (const table of syncedTables()) {
        const regionField = entityByName(table.name)!.regionField!;
        await table.each((record: Record<string, unknown>) => {
          // A record this device has changed counts as the server holds it: its shadow, below.
          if (!changed.has(String(record.id))) add(String(record[regionField]), table.name, record);
        });
      }
      await db.shadows.each(({ key, record }) => {
        const entity = entityByName(key.slice(0, key.indexOf('/')));
        if (entity?.regionField) add(String(record[entity.regionField]), entity.name, record);
      });
    });
    return digests;
  }

  return {
    session: () => db.getMeta('session'),

    deviceState: async () => ({
      pendingCount: await db.outbox.where('state').equals('pending').count(),
      pendingUploads: (await countPendingUploads(db)).pending,
      lastSyncAt: (await db.getMeta('syncStatus'))?.lastSyncedAt ?? null,
    }),

    pendingMutations: (limit) => db.outbox.where('state').equals('pending').sortBy('seq').then((entries) => entries.slice(0, limit)),

    recordResults: (results: readonly MutationResult[]) =>
      db.transaction('rw', syncTables(), async () => {
        // The record as the server holds it, with the outbox entries it still has laid on top.
        const showServerState = async (entry: OutboxEntry) => {
          const shadow = await db.shadows.get(shadowKey(entry.entity, entry.recordId));
          const entries = await db.outbox.where('recordId').equals(entry.recordId).toArray();
          if (shadow) await putWithOverlay(db, entry.entity, entry.recordId, shadow.record, Number(shadow.record.version), entries);
        };
        for (const result of results) {
          if (result.status === 'applied') {
            await db.outbox.update(result.mutationId, { state: 'acked', appliedSeq: result.appliedSeq });
            continue;
          }
          const entry = await db.outbox.get(result.mutationId);
          if (entry && undoneWhenRefused.has(result.reason.code)) {
            // Dropped at once, the record shown as the server holds it (S28).
            await db.outbox.delete(entry.mutationId);
            await showServerState(entry);
            continue;
          }
          await db.outbox.update(result.mutationId, { state: 'rejected', rejection: result.reason });
          // A refused delete brings its record back from the server's state, where the user sees
          // why and can discard the delete (S15).
          if (entry?.op === 'delete') await showServerState(entry);
        }
      }),

    renumberPending: (firstSeq) =>
      db.transaction('rw', db.outbox, db.meta, async () => {
        // Pending entries below firstSeq did reach the server (their answers were lost): they keep
        // their seq, and a replay gets their stored answers. Only the rest move.
        const moving = (await db.outbox.where('state').equals('pending').sortBy('seq')).filter((e) => e.seq >= firstSeq);
        for (const [index, entry] of moving.entries()) await db.outbox.update(entry.mutationId, { seq: firstSeq + index });
        const device = (await db.getMeta('device'))!;
        await db.setMeta('device', { ...device, nextSeq: firstSeq + moving.length });
      }),

    cursor: async () => (await db.getMeta('cursor')) ?? 0,

    applyPulled: (changes: readonly Change[], cursor: number) =>
      db.transaction('rw', syncTables(), async () => {
        const entries = entriesByRecord(await db.outbox.toArray());
        // A record's newest valid change in the page is the only one that counts: each change
        // carries the whole record, and an older one would only be overwritten. Keyed by
        // entity and id, in the page's (seq) order.
        const newest = new Map<string, { change: Change; record: Record<string, unknown> }>();
        for (const change of changes) {
          const record = parseServerRecord(change.entity, change.record);
          if (record) newest.set(`${change.entity}/${change.recordId}`, { change, record });
        }
        const byEntity = new Map<string, { change: Change; record: Record<string, unknown> }[]>();
        for (const item of newest.values()) {
          const list = byEntity.get(item.change.entity) ?? [];
          list.push(item);
          byEntity.set(item.change.entity, list);
        }
        // Shadows exist only for records with outbox entries, so there are few; a stale one for a
        // record without entries is removed, as putWithOverlay would.
        const shadowKeys = new Set(await db.shadows.toCollection().primaryKeys());
        for (const [entity, items] of byEntity) {
          const table = db.entityTable(entity);
          // One bulk read and one bulk write per entity: per-record work only where the device
          // has its own changes to lay over the server's state (S7, S8).
          const locals = await table.bulkGet(items.map((i) => i.change.recordId));
          const puts: Record<string, unknown>[] = [];
          const deletes: string[] = [];
          const staleShadows: string[] = [];
          for (const [index, { change, record }] of items.entries()) {
            const local = locals[index];
            // After a region was re-downloaded, older changes of it can come by again: never go back.
            if (local && Number(local.version) > change.seq) continue;
            const mine = entries.get(change.recordId);
            if (mine && mine.length > 0) {
              await putWithOverlay(db, entity, change.recordId, record, change.seq, mine);
              continue;
            }
            if (shadowKeys.has(shadowKey(entity, change.recordId))) staleShadows.push(shadowKey(entity, change.recordId));
            if (record.deleted === true) deletes.push(change.recordId);
            else puts.push(record);
          }
          if (staleShadows.length > 0) await db.shadows.bulkDelete(staleShadows);
          if (deletes.length > 0) await table.bulkDelete(deletes);
          if (puts.length > 0) await table.bulkPut(puts);
        }
        // Acknowledged writes the cursor has now passed are part of the server state we hold (S8).
        const settled = await db.outbox.where('state').equals('acked').and((e) => (e.appliedSeq ?? Infinity) <= cursor).toArray();
        await db.outbox.bulkDelete(settled.map((e) => e.mutationId));
        for (const entry of settled) {
          if ((await db.outbox.where('recordId').equals(entry.recordId).count()) === 0) await db.shadows.delete(`${entry.entity}/${entry.recordId}`);
        }
        await db.setMeta('cursor', cursor);
      }),

    async mismatchedRegions(digests: readonly RegionDigest[]) {
      const verified = await db.getMeta('verifiedDigests');
      const stamp = digestStamp;
      // The sync engine changes the device's copy only with what the server sent, so a region
      // whose server digest is the one verified recently needs no scan. Damage from outside (a
      // partial eviction, a bug) is still found within the hour.
      const recent = verified !== undefined && Date.now() - verified.at < verifyEveryMs;
      if (recent && digests.every((d) => verified.digests[d.regionId] === stamp(d))) return [];
      const local = await localDigests();
      const mismatched = digests.filter((d) => {
        const mine = local.get(d.regionId) ?? { count: 0, hash: emptyHash };
        return mine.count !== d.count || mine.hash !== d.hash;
      });
      const bad = new Set(mismatched.map((d) => d.regionId));
      await db.setMeta('verifiedDigests', {
        at: Date.now(),
        digests: Object.fromEntries(digests.filter((d) => !bad.has(d.regionId)).map((d) => [d.regionId, stamp(d)])),
      });
      return [...bad];
    },

    applyBootstrap: (snapshot) => applyBootstrap(db, snapshot),

    replaceRegion: (snapshot) =>
      db.transaction('rw', syncTables(), async () => {
        const entries = entriesByRecord(await db.outbox.toArray());
        const inSnapshot = new Map<string, { entity: string; record: Record<string, unknown> }>();
        for (const { entity, record } of snapshot.records) {
          const parsed = parseServerRecord(entity, record);
          if (parsed) inSnapshot.set(String(parsed.id), { entity, record: parsed });
        }
        for (const table of syncedTables()) {
          const regionField = entityByName(table.name)!.regionField!;
          const held = await table.where(regionField).equals(snapshot.regionId).primaryKeys();
          for (const id of held) {
            if (!inSnapshot.has(id)) await putWithOverlay(db, table.name, id, undefined, snapshot.cursor, entries.get(id) ?? []);
          }
        }
        for (const [id, { entity, record }] of inSnapshot) {
          await putWithOverlay(db, entity, id, record, snapshot.cursor, entries.get(id) ?? []);
        }
      }),

    dropOtherRegions: (visibleRegionIds) =>
      db.transaction('rw', syncTables(), async () => {
        const visible = [...visibleRegionIds].sort();
        // The scan runs only when the set of regions changed, not every round.
        if (JSON.stringify(await db.getMeta('visibleRegions')) === JSON.stringify(visible)) return 0;
        const keep = new Set(visible);
        const changed = new Set((await db.outbox.toArray()).map((e) => e.recordId));
        let dropped = 0;
        for (const table of syncedTables()) {
          const regionField = entityByName(table.name)!.regionField!;
          const gone = await table.filter((r: Record<string, unknown>) => !keep.has(String(r[regionField])) && !changed.has(String(r.id))).primaryKeys();
          await table.bulkDelete(gone);
          dropped += gone.length;
        }
        await db.setMeta('visibleRegions', visible);
        return dropped;
      }),

    updateStatus: async (patch) => {
      await db.transaction('rw', db.meta, async () => {
        const current = (await db.getMeta('syncStatus')) ?? initialSyncStatus;
        await db.setMeta('syncStatus', { ...current, ...patch });
      });
    },

    uploadableAttachments: (limit) => readUploadableAttachments(db, limit),
    markUploaded: (sha256) => markUploaded(db, sha256),
    markUploadRefused: (sha256, refusal) => markUploadRefused(db, sha256, refusal),
  };
}
