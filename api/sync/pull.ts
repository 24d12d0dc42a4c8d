import type { PullResponse, SessionUser } from '../../schema';
import type { Storage } from '../storage/storage';
import { readableRegionIds } from './region-access';

export const maxPullLimit = 1000;

/**
 * Changes after `cursor` in the user's regions, oldest first (S5, S6). The cursor is a change-log
 * seq. The last page jumps the cursor to the newest seq in the log, so that a device does not
 * rescan other regions' changes, and carries the digests of the user's regions as of that cursor,
 * read in the same snapshot (S17).
 */
export async function pullChanges(storage: Storage, user: SessionUser, cursor: number, limit: number, now = new Date()): Promise<PullResponse> {
  return storage.read(async (reader) => {
    const regions = [...(await readableRegionIds(reader, user))];
    const rows = await reader.changesAfter(cursor, regions, limit + 1);
    const hasMore = rows.length > limit;
    const page = rows.slice(0, limit);
    const changes = page.map((row) => ({
      seq: row.seq,
      entity: row.entity,
      op: row.op,
      recordId: row.recordId,
      regionId: row.regionId,
      record: { ...row.data, version: row.seq },
    }));
    const serverTime = now.toISOString();
    if (hasMore) return { changes, cursor: page[page.length - 1]!.seq, hasMore, serverTime };
    const newest = Math.max(cursor, await reader.newestSeq());
    return { changes, cursor: newest, hasMore, serverTime, digests: await reader.regionDigests(regions) };
  });
}
