import type { Site, Unit } from '../../schema';
import type { LocalDb } from '../../worker';

export interface UnitDetail {
  unit: Unit;
  site: Site | undefined;
}

/** A unit and its site, or `null` when the device does not hold that unit. */
export async function readUnitDetail(db: LocalDb, unitId: string): Promise<UnitDetail | null> {
  const unit = await db.units.get(unitId);
  if (!unit || unit.deleted) return null;
  return { unit, site: await db.sites.get(unit.siteId) };
}
