import type { Application, OccupancyReport } from '../../schema';
import type { LocalDb } from '../../worker';
import { regionsWithin } from './home-regions';

/** An application waiting for the officer: a draft of hers, or one the office returned for correction. */
export interface ApplicationTodo {
  id: string;
  status: 'draft' | 'returned';
  householdName: string;
  siteName: string;
  updatedAt: string;
}

/**
 * Drafts the user created, and every returned application of her regions (whoever submitted it:
 * the office returns it to the region, and a colleague may have moved on), newest change first.
 * Applications whose id is in `inProgress` (a form draft continues them) are left to the drafts list.
 */
export async function readApplicationTodos(db: LocalDb, userId: string, inProgress: ReadonlySet<string> = new Set()): Promise<{ drafts: ApplicationTodo[]; returned: ApplicationTodo[] }> {
  // No status index: a region's applications are a few thousand at most, read in one getAll.
  const waiting = (await db.applications.toArray()).filter(
    (a) => !a.deleted && ((a.status === 'draft' && a.createdBy === userId && !inProgress.has(a.id)) || a.status === 'returned'),
  );
  const [households, sites] = await Promise.all([
    db.households.bulkGet([...new Set(waiting.map((a) => a.householdId))]),
    db.sites.bulkGet([...new Set(waiting.map((a) => a.siteId))]),
  ]);
  const householdNames = new Map(households.filter((h) => h !== undefined).map((h) => [h.id, h.headName]));
  const siteNames = new Map(sites.filter((s) => s !== undefined).map((s) => [s.id, s.name]));
  const todo = (a: Application): ApplicationTodo => ({
    id: a.id,
    status: a.status as ApplicationTodo['status'],
    householdName: householdNames.get(a.householdId) ?? '',
    siteName: siteNames.get(a.siteId) ?? '',
    updatedAt: a.updatedAt,
  });
  const newestFirst = (a: ApplicationTodo, b: ApplicationTodo) => b.updatedAt.localeCompare(a.updatedAt);
  return {
    drafts: waiting.filter((a) => a.status === 'draft').map(todo).sort(newestFirst),
    returned: waiting.filter((a) => a.status === 'returned').map(todo).sort(newestFirst),
  };
}

export interface SiteReportTodo {
  siteId: string;
  siteName: string;
  state: 'missing' | OccupancyReport['status'];
}

const collator = new Intl.Collator('id', { numeric: true, sensitivity: 'base' });

/** Each site of the user's regions, with the state of its report for the month, by site name. */
export async function readMonthlyReportTodos(db: LocalDb, regionIds: readonly string[], month: string): Promise<SiteReportTodo[]> {
  const within = regionsWithin(await db.regions.toArray(), regionIds);
  const sites = (await db.sites.where('regionId').anyOf([...within]).toArray()).filter((s) => !s.deleted);
  const reports = sites.length ? await db.occupancyReports.where('[siteId+month]').anyOf(sites.map((s) => [s.id, month])).toArray() : [];
  const state = new Map<string, SiteReportTodo['state']>();
  for (const report of reports) {
    if (report.deleted) continue;
    // Two devices may each have started one; a submitted one settles it.
    if (state.get(report.siteId) !== 'submitted') state.set(report.siteId, report.status);
  }
  return sites
    .map((site) => ({ siteId: site.id, siteName: site.name, state: state.get(site.id) ?? 'missing' }))
    .sort((a, b) => collator.compare(a.siteName, b.siteName));
}
