import type { Storage } from '../storage/storage';

/**
 * Change-log compaction (S21): moves every row a later row of the same record supersedes out of
 * the log into the history archive (S27), so that a pull from an old cursor, and the log itself,
 * grow with the number of records rather than with history. Rows carry the whole record
 * (state-based), so the latest row alone brings any device to the latest state. Conflict
 * detection reads only the log, so the moved rows' `changedFields` are lost to it; it treats a
 * base below the watermark conservatively instead (S22, apply-mutation.ts). `deleted` counts the
 * rows moved out of the log.
 */
export async function compactChangeLog(storage: Storage, now = new Date()): Promise<{ deleted: number; compactedThrough: number }> {
  return storage.transaction(async (tx) => {
    const newest = await tx.newestSeq();
    const deleted = await tx.compactChangeLog(newest, now.toISOString());
    return { deleted, compactedThrough: newest };
  });
}
