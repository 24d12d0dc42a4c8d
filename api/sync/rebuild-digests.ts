import { emptyHash, recordHash, syncedEntities, xorHash } from '../../schema';
import type { Storage } from '../storage/storage';

/**
 * Makes the region digests (S17) agree with the records when they do not: a database written
 * before digests existed has records but no digests. Runs at start; a no-op when they agree.
 */
export async function rebuildDigestsIfMissing(storage: Storage): Promise<boolean> {
  return storage.transaction(async (tx) => {
    const regionIds = (await tx.regionTree()).map((r) => r.id);
    const stored = new Map((await tx.regionDigests(regionIds)).map((d) => [d.regionId, d]));
    const actual = new Map<string, { count: number; hash: string }>();
    for (const regionId of regionIds) {
      let digest = { count: 0, hash: emptyHash };
      for (const entity of syncedEntities) {
        for (const record of await tx.liveRecords(entity.name, regionId)) {
          digest = { count: digest.count + 1, hash: xorHash(digest.hash, recordHash(entity.name, String(record.id), Number(record.version))) };
        }
      }
      actual.set(regionId, digest);
    }
    let changed = false;
    for (const [regionId, digest] of actual) {
      const current = stored.get(regionId) ?? { count: 0, hash: emptyHash };
      if (current.count === digest.count && current.hash === digest.hash) continue;
      // adjustDigest adds and XORs: move the stored digest onto the actual one.
      await tx.adjustDigest(regionId, digest.count - current.count, xorHash(current.hash, digest.hash));
      changed = true;
    }
    return changed;
  });
}
