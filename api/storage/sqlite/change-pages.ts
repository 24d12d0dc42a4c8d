import type Database from 'better-sqlite3';
import type { ChangeRow } from '../storage';
import { preparedRows } from './row-codec';
import { changeLog } from './server-tables';

/**
 * Pages of the change log for a set of regions (pull, S5): the `limit` lowest seqs above the
 * cursor. `region_id in (…) order by seq limit n` made SQLite read and sort every row of those
 * regions above the cursor (its index is per region), the record data of each included, to keep
 * the first n: a device with an old cursor cost the whole tail of its regions per page. Instead
 * each region's first n seqs come from the index alone, and only the rows of the page are read.
 *
 * With `cacheRows`, decoded rows are kept by seq (most recent first to go): every device of a
 * region pulls the same rows after a burst of writes to it, and reading and parsing a row cost
 * more than sending it. A row never changes once committed, and a seq is never reused by a
 * committed row; compaction deletes rows, but a page only asks for seqs it has just found in the
 * log. Use the cache only on a connection that sees committed rows alone (the read connection):
 * a row read inside a write transaction may yet be rolled back.
 */
export function changePages(sqlite: Database.Database, options: { cacheRows?: number } = {}) {
  const regionSeqs = sqlite.prepare('select seq from change_log where region_id = ? and seq > ? order by seq limit ?').pluck();
  const bySeq = preparedRows(sqlite, changeLog, 'where "seq" = ?');
  const maxCached = options.cacheRows ?? 0;
  const cached = new Map<number, ChangeRow>();

  const row = (seq: number): ChangeRow => {
    const hit = cached.get(seq);
    if (hit) return hit;
    const found = bySeq.get(seq) as unknown as ChangeRow;
    if (maxCached > 0) {
      // Shared by every pull that reads it: nobody may change it.
      Object.freeze(found.data);
      cached.set(seq, Object.freeze(found));
      if (cached.size > maxCached) cached.delete(cached.keys().next().value!);
    }
    return found;
  };

  return (cursor: number, regionIds: readonly string[], limit: number): ChangeRow[] => {
    const regions = [...new Set(regionIds)];
    let seqs: number[];
    if (regions.length === 1) {
      seqs = regionSeqs.all(regions[0], cursor, limit) as number[];
    } else {
      seqs = regions.flatMap((region) => regionSeqs.all(region, cursor, limit) as number[]).sort((a, b) => a - b);
      if (seqs.length > limit) seqs.length = limit;
    }
    return seqs.map(row);
  };
}
