import type { LocalDb } from '../../../worker';
import { readRepairsDue } from '../../queries/repairs-due';
import type { DashboardSource } from './occupancy-figures';

/** The tables the dashboard reads: a write to any of them re-reads it. */
export const dashboardTables = ['regions', 'sites', 'units', 'leases', 'occupancyReports', 'inspections'] as const;

/**
 * Everything the dashboard counts, as the device holds it (the user's regions). Overdue repairs
 * are the repairs-due list's own (same open/overdue rule as the officer's), so the two never disagree.
 */
export async function readDashboardSource(db: LocalDb, today: string): Promise<DashboardSource> {
  const [regions, sites, units, leases, reports, repairs] = await Promise.all([
    db.regions.toArray(),
    db.sites.toArray(),
    db.units.toArray(),
    db.leases.toArray(),
    db.occupancyReports.toArray(),
    readRepairsDue(db, today),
  ]);
  return {
    regions,
    sites,
    units,
    leases,
    reports: reports.filter((r) => r.status === 'submitted' && !r.deleted),
    overdueRepairs: repairs.filter((r) => r.overdue).map((r) => ({ unitId: r.unitId })),
  };
}
