import { nikProblem, type Household } from '../../../schema';
import type { LocalDb } from '../../../worker';
import { peopleNiks } from '../../queries/household-duplicates';
import type { QueueRow } from './review-queue';

/**
 * Households that share a NIK with another household on the device. One pass over the
 * households (thousands at most in an office's regions) instead of one search per row.
 */
export function householdsWithSharedNik(households: readonly Household[]): Set<string> {
  const holders = new Map<string, Set<string>>();
  for (const household of households) {
    for (const { nik } of peopleNiks(household)) {
      if (nikProblem(nik) !== null) continue;
      const ids = holders.get(nik) ?? new Set<string>();
      ids.add(household.id);
      holders.set(nik, ids);
    }
  }
  const shared = new Set<string>();
  for (const ids of holders.values()) if (ids.size > 1) for (const id of ids) shared.add(id);
  return shared;
}

/**
 * Every application on the device as a queue row, whatever its status: the screen filters them.
 * The device holds only the user's regions (S6), so this is the office's whole workload.
 */
export async function readQueueRows(db: LocalDb): Promise<QueueRow[]> {
  const [applications, households, sites, regions, flags] = await Promise.all([
    db.applications.toArray(),
    db.households.toArray(),
    db.sites.toArray(),
    db.regions.toArray(),
    db.duplicateFlags.toArray(),
  ]);
  const liveHouseholds = households.filter((h) => !h.deleted);
  const householdById = new Map(liveHouseholds.map((h) => [h.id, h]));
  const siteName = new Map(sites.map((s) => [s.id, s.name]));
  const regionName = new Map(regions.map((r) => [r.id, r.name]));
  const flagged = new Set(flags.filter((f) => !f.deleted && f.status === 'open').map((f) => f.householdId));
  const shared = householdsWithSharedNik(liveHouseholds);
  return applications
    .filter((a) => !a.deleted)
    .map((a) => ({
      applicationId: a.id,
      householdId: a.householdId,
      // A household still on its way (it syncs in the same pull, usually) shows as unnamed.
      headName: householdById.get(a.householdId)?.headName ?? '',
      siteName: siteName.get(a.siteId) ?? '',
      regionId: a.regionId,
      regionName: regionName.get(a.regionId) ?? '',
      status: a.status,
      submittedAt: a.submittedAt,
      duplicate: flagged.has(a.householdId) || shared.has(a.householdId),
    }));
}
