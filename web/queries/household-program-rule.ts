import type { ProgramRule, Region } from '../../schema';
import type { LocalDb } from '../../worker';

/** The hierarchy is a handful of levels deep; a loop in bad data must not hang the screen. */
const maxDepth = 10;

/** The province a region lies in (itself, if it is one), or null when the device lacks a link. */
export async function readProvinceOf(db: LocalDb, regionId: string): Promise<Region | null> {
  let region = await db.regions.get(regionId);
  for (let depth = 0; region && depth < maxDepth; depth++) {
    if (region.level === 'province') return region.deleted ? null : region;
    if (!region.parentId) return null;
    region = await db.regions.get(region.parentId);
  }
  return null;
}

/**
 * The program rule that applies to a household of this region: its province's, the latest one in
 * force on `today` (YYYY-MM-DD). Null when the rule has not reached the device (the eligibility
 * check then says "unknown" rather than guessing).
 */
export async function readProgramRuleFor(db: LocalDb, regionId: string, today: string): Promise<ProgramRule | null> {
  const province = await readProvinceOf(db, regionId);
  if (!province) return null;
  const rules = await db.programRules.where('regionId').equals(province.id).toArray();
  const inForce = rules.filter((r) => !r.deleted && r.effectiveFrom <= today).sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom));
  return inForce[0] ?? null;
}
