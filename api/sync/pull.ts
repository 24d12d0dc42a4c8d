import { and, asc, gt, inArray, max } from 'drizzle-orm';
import type { PullResponse, SessionUser } from '../../schema';
import type { Db } from '../db/open-database';
import { changeLog } from '../db/server-tables';
import { allowedRegionIds } from './region-access';

export const maxPullLimit = 1000;

/**
 * Changes after `cursor` in the user's regions, oldest first (S5, S6). The cursor is a change-log
 * seq. When this page is the last, the next cursor jumps to the newest seq in the log, so that a
 * device does not rescan other regions' changes next time.
 */
export function pullChanges(db: Db, user: SessionUser, cursor: number, limit: number, now = new Date()): PullResponse {
  const regions = [...allowedRegionIds(db, user)];
  // One read transaction: the page and the newest seq come from the same snapshot.
  return db.transaction((tx) => {
    const rows = tx
      .select()
      .from(changeLog)
      .where(and(gt(changeLog.seq, cursor), inArray(changeLog.regionId, regions)))
      .orderBy(asc(changeLog.seq))
      .limit(limit + 1)
      .all();
    const hasMore = rows.length > limit;
    const page = rows.slice(0, limit);
    const newest = tx.select({ seq: max(changeLog.seq) }).from(changeLog).get()?.seq ?? 0;
    return {
      changes: page.map((row) => ({
        seq: row.seq,
        entity: row.entity,
        op: row.op,
        recordId: row.recordId,
        regionId: row.regionId,
        record: { ...(row.data as Record<string, unknown>), version: row.seq },
      })),
      cursor: hasMore ? page[page.length - 1]!.seq : Math.max(cursor, newest),
      hasMore,
      serverTime: now.toISOString(),
    };
  });
}
