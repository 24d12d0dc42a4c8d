import type { PullResponse, SessionUser } from '../../schema';
import type { ChangeRow, Storage } from '../storage/storage';
import { readableRegionIds } from './region-access';

export const maxPullLimit = 1000;

/**
 * Each change as the JSON a pull sends, made once per row. The read connection shares decoded
 * rows between pulls (change-pages.ts): after a burst, every device of a region pulls the same
 * rows, and turning them into JSON cost more than anything else a pull does. Keyed by the shared
 * row itself, so it lives exactly as long as the row stays in that cache.
 */
const changeJson = new WeakMap<ChangeRow, Buffer>();

const open = Buffer.from('{"changes":[');
const comma = Buffer.from(',');

function serialized(row: ChangeRow): Buffer {
  let json = changeJson.get(row);
  if (json === undefined) {
    const change: PullResponse['changes'][number] = {
      seq: row.seq,
      entity: row.entity,
      op: row.op,
      recordId: row.recordId,
      regionId: row.regionId,
      record: { ...row.data, version: row.seq },
    };
    json = Buffer.from(JSON.stringify(change));
    if (Object.isFrozen(row)) changeJson.set(row, json);
  }
  return json;
}

/**
 * Changes after `cursor` in the user's regions, oldest first (S5, S6), as the JSON of a
 * PullResponse. The cursor is a change-log seq. The last page jumps the cursor to the newest seq
 * in the log, so that a device does not rescan other regions' changes, and carries the digests
 * of the user's regions as of that cursor, read in the same snapshot (S17).
 */
export async function pullChanges(storage: Storage, user: SessionUser, cursor: number, limit: number, now = new Date()): Promise<Uint8Array<ArrayBuffer>> {
  return storage.read(async (reader) => {
    const regions = [...(await readableRegionIds(reader, user))];
    const rows = await reader.changesAfter(cursor, regions, limit + 1);
    const hasMore = rows.length > limit;
    const page = rows.slice(0, limit);
    const serverTime = now.toISOString();
    const rest: Omit<PullResponse, 'changes'> = hasMore
      ? { cursor: page[page.length - 1]!.seq, hasMore, serverTime }
      : { cursor: Math.max(cursor, await reader.newestSeq()), hasMore, serverTime, digests: await reader.regionDigests(regions) };
    // {"changes":[…], then the rest of the object's fields; as bytes, so that the answer is not
    // encoded again, nor measured, on its way out.
    const parts: Buffer[] = [open];
    page.forEach((row, i) => {
      if (i > 0) parts.push(comma);
      parts.push(serialized(row));
    });
    parts.push(Buffer.from(`],${JSON.stringify(rest).slice(1)}`));
    return Buffer.concat(parts) as Uint8Array<ArrayBuffer>;
  });
}
