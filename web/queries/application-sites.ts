import type { Region, Site } from '../../schema';
import type { LocalDb } from '../../worker';

/** Whether a region is one of `roots` or lies below one of them. */
function isWithin(regionId: string, roots: ReadonlySet<string>, regions: ReadonlyMap<string, Region>): boolean {
  let current: string | null | undefined = regionId;
  for (let depth = 0; current && depth < 10; depth++) {
    if (roots.has(current)) return true;
    current = regions.get(current)?.parentId;
  }
  return false;
}

/**
 * The sites an officer may take an application for: those in her regions or below them, by name.
 * (The device also holds the regions above hers, for the program rules; their sites are not hers.)
 */
export async function readSiteChoices(db: LocalDb, userRegionIds: readonly string[]): Promise<Site[]> {
  const [regions, sites] = await Promise.all([db.regions.toArray(), db.sites.toArray()]);
  const byId = new Map(regions.map((r) => [r.id, r]));
  const roots = new Set(userRegionIds);
  return sites.filter((s) => !s.deleted && isWithin(s.regionId, roots, byId)).sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}
