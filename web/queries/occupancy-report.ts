import type { Lease, OccupancyReport, Site, Unit } from '../../schema';
import type { LocalDb } from '../../worker';
import { previousMonth } from '../occupancy/month';

/** Everything the report of one site and month is made from, as the device holds it. */
export interface OccupancyReportSource {
  site: Site;
  /** The site's live units, by code in numeric order ("A-2" before "A-10"). */
  units: Unit[];
  /** Leases of those units, whatever their status: the pre-fill picks those covering the month. */
  leases: Lease[];
  report: OccupancyReport | null;
  previousReport: OccupancyReport | null;
}

const collator = new Intl.Collator('id', { numeric: true, sensitivity: 'base' });

/** A site's report of a month: it may not exist yet, or have been made on another device. */
async function reportOf(db: LocalDb, siteId: string, month: string): Promise<OccupancyReport | null> {
  const reports = (await db.occupancyReports.where('[siteId+month]').equals([siteId, month]).toArray()).filter((r) => !r.deleted);
  // Two devices may each start one offline; the submitted one, else the latest, is the report.
  reports.sort((a, b) => Number(b.status === 'submitted') - Number(a.status === 'submitted') || b.updatedAt.localeCompare(a.updatedAt));
  return reports[0] ?? null;
}

/** `null` when the site is not on this device. */
export async function readOccupancyReportSource(db: LocalDb, siteId: string, month: string): Promise<OccupancyReportSource | null> {
  const site = await db.sites.get(siteId);
  if (!site || site.deleted) return null;
  const [units, report, previousReport] = await Promise.all([
    db.units.where('siteId').equals(siteId).toArray(),
    reportOf(db, siteId, month),
    reportOf(db, siteId, previousMonth(month)),
  ]);
  const live = units.filter((unit) => !unit.deleted).sort((a, b) => collator.compare(a.code, b.code));
  const leases = live.length ? await db.leases.where('unitId').anyOf(live.map((unit) => unit.id)).toArray() : [];
  return { site, units: live, leases, report, previousReport };
}
