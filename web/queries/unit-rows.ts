import type { Unit } from '../../schema';
import type { LocalDb } from '../../worker';

/** One line of the units list: a unit with the site facts the list shows and searches. */
export interface UnitRow {
  id: string;
  code: string;
  status: Unit['status'];
  siteName: string;
  siteAddress: string;
  /** Code, site name and address, lower-cased once here so that each keystroke only compares. */
  searchText: string;
}

// Numeric, so that "A-2" sorts before "A-10".
const collator = new Intl.Collator('id', { numeric: true, sensitivity: 'base' });

/** Every unit on the device (the device only holds the officer's regions), by site name then code. */
export async function readUnitRows(db: LocalDb): Promise<UnitRow[]> {
  const [units, sites] = await Promise.all([db.units.toArray(), db.sites.toArray()]);
  const siteById = new Map(sites.map((site) => [site.id, site]));
  const rows = units
    .filter((unit) => !unit.deleted)
    .map((unit): UnitRow => {
      // A unit can land a page before its site does; it shows without one until the next page.
      const site = siteById.get(unit.siteId);
      const siteName = site?.name ?? '';
      const siteAddress = site?.address ?? '';
      return {
        id: unit.id,
        code: unit.code,
        status: unit.status,
        siteName,
        siteAddress,
        searchText: `${unit.code}\n${siteName}\n${siteAddress}`.toLocaleLowerCase('id'),
      };
    });
  return rows.sort((a, b) => collator.compare(a.siteName, b.siteName) || collator.compare(a.code, b.code));
}

/** What a query searches for: trimmed and lower-cased as the rows' search text is. */
const searchNeedle = (query: string) => query.trim().toLocaleLowerCase('id');

/** The rows whose code, site name or site address contains the query, ignoring case. */
export function filterUnitRows(rows: readonly UnitRow[], query: string): readonly UnitRow[] {
  const needle = searchNeedle(query);
  return needle ? rows.filter((row) => row.searchText.includes(needle)) : rows;
}

/**
 * The matches of the searches typed lately over one list of rows. Typing on narrows the matches
 * of the longest earlier search the new one starts with, instead of scanning every unit again
 * (whatever contains the longer text contains its beginning); Backspace finds the shorter
 * search's matches kept, and scans nothing.
 */
export class UnitFilters {
  private readonly byNeedle = new Map<string, readonly UnitRow[]>();

  constructor(
    readonly rows: readonly UnitRow[],
    private readonly keep = 64,
  ) {}

  matches(query: string): readonly UnitRow[] {
    const needle = searchNeedle(query);
    const kept = this.byNeedle.get(needle);
    if (kept) return kept;
    let from: readonly UnitRow[] = this.rows;
    let longest = -1;
    for (const [earlier, matches] of this.byNeedle) {
      if (earlier.length > longest && needle.startsWith(earlier)) {
        from = matches;
        longest = earlier.length;
      }
    }
    const found = filterUnitRows(from, needle);
    if (this.byNeedle.size >= this.keep) this.byNeedle.delete(this.byNeedle.keys().next().value!);
    this.byNeedle.set(needle, found);
    return found;
  }
}
