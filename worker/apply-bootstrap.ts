import { entityByName, type RegionDigest } from '../schema';
import type { BootstrapSnapshot } from './bootstrap-snapshot';
import type { LocalDb } from './local-db';
import { shadowKey } from './local-db';
import { entriesByRecord, putWithOverlay } from './record-overlay';
import { parseServerRecord } from './server-record';

/** Write transactions queued at once: one commits while the next is filled. */
const writesInFlight = 2;

/**
 * Writes a bootstrap snapshot into a device whose cursor is 0 (S25), as it streams in, and moves
 * the cursor to the snapshot's only once every record is stored. Returns how many were stored.
 *
 * Nothing of the server's is on such a device but what an earlier, interrupted bootstrap left, so
 * records without outbox entries are cleared first (the snapshot cannot say which of them the
 * server deleted since) and each batch is written with one bulkPut, without reading what it
 * replaces. Records with outbox entries get their overlay as in a pull (S7, S8), checked inside
 * each batch's transaction, so that an edit made while the bootstrap runs is never hidden.
 * Each batch's puts are issued at the start of its transaction: IndexedDB queues them behind
 * the transaction still committing, so the device serialises one batch while the other is written.
 */
export async function applyBootstrap(db: LocalDb, snapshot: BootstrapSnapshot): Promise<number> {
  const syncedTables = db.tables.filter((t) => entityByName(t.name)?.synced);
  const syncTables = [...syncedTables, db.outbox, db.shadows, db.meta];

  await db.transaction('rw', syncTables, async () => {
    const changed = new Set((await db.outbox.toArray()).map((e) => e.recordId));
    for (const table of syncedTables) {
      const leftovers = (await table.toCollection().primaryKeys()).filter((id) => !changed.has(String(id)));
      await table.bulkDelete(leftovers);
    }
    const staleShadows = (await db.shadows.toCollection().primaryKeys()).filter((key) => !changed.has(key.slice(key.indexOf('/') + 1)));
    await db.shadows.bulkDelete(staleShadows);
  });

  const seen = new Set<string>();
  let stored = 0;
  let skipped = 0;
  const writing: Promise<void>[] = [];
  try {
    for await (const batch of snapshot.batches) {
      const entity = entityByName(batch.entity);
      const records: Record<string, unknown>[] = [];
      for (const record of batch.records) {
        const parsed = parseServerRecord(batch.entity, record);
        if (parsed) {
          records.push(parsed);
          continue;
        }
        skipped++;
        // The server holds it, though this app cannot read it: the device keeps what it has (as a pull would).
        const id = (record as { id?: unknown } | null)?.id;
        if (typeof id === 'string') seen.add(id);
      }
      if (!entity || records.length === 0) continue;
      for (const record of records) seen.add(String(record.id));
      stored += records.length;
      const table = db.entityTable(entity.name);
      const written = db.transaction('rw', [table, db.outbox, db.shadows], async () => {
        const putting = table.bulkPut(records);
        const entries = entriesByRecord(await db.outbox.toArray());
        await putting;
        for (const record of records) {
          const mine = entries.get(String(record.id));
          if (mine) await putWithOverlay(db, entity.name, String(record.id), record, snapshot.cursor, mine);
        }
      });
      // Awaited in turn below; marked handled now, so a later batch failing first is not reported as unhandled.
      written.catch(() => {});
      writing.push(written);
      if (writing.length >= writesInFlight) await writing.shift();
    }
    await Promise.all(writing.splice(0));
  } finally {
    // A failed read or write ends the bootstrap; the cursor stays 0 and the next round starts again.
    await Promise.allSettled(writing);
  }

  const regionIds = new Set(snapshot.digests.map((d) => d.regionId));
  await db.transaction('rw', syncTables, async () => {
    const entries = entriesByRecord(await db.outbox.toArray());
    // A record the device has changes for that the snapshot of its region does not hold is gone
    // from the server, or never reached it: as a tombstone in a pull would (S16, S7).
    for (const [recordId, mine] of entries) {
      if (seen.has(recordId)) continue;
      const entity = entityByName(mine[0]!.entity);
      if (!entity?.regionField) continue;
      const local = await db.entityTable(entity.name).get(recordId);
      const regionId = local?.[entity.regionField] ?? mine.find((e) => e.fields[entity.regionField!] !== undefined)?.fields[entity.regionField];
      if (!regionIds.has(String(regionId))) continue;
      await putWithOverlay(db, entity.name, recordId, undefined, snapshot.cursor, mine);
    }
    // Acknowledged writes the snapshot holds are part of the server state we hold (S8).
    const settled = [...entries.values()].flat().filter((e) => e.state === 'acked' && (e.appliedSeq ?? Infinity) <= snapshot.cursor);
    await db.outbox.bulkDelete(settled.map((e) => e.mutationId));
    for (const entry of settled) {
      if ((await db.outbox.where('recordId').equals(entry.recordId).count()) === 0) await db.shadows.delete(shadowKey(entry.entity, entry.recordId));
    }
    await db.setMeta('cursor', snapshot.cursor);
    // The snapshot held every region the user may see (S6), and the device now holds what its
    // digests count, unless a record was skipped (S17): no scan of every record is needed for either.
    await db.setMeta('visibleRegions', [...regionIds].sort());
    if (skipped === 0) await db.setMeta('verifiedDigests', { at: Date.now(), digests: stamps(snapshot.digests) });
  });
  return stored;
}

/** How a region's digest is remembered as verified (S17). */
export const digestStamp = (d: RegionDigest) => `${d.count}:${d.hash}`;

const stamps = (digests: readonly RegionDigest[]) => Object.fromEntries(digests.map((d) => [d.regionId, digestStamp(d)]));
