import type { LocalDb } from '../../../worker';
import type { ExportSource } from './export-datasets';

/** The tables an export reads: a write to any of them refreshes the count and the preview. */
export const exportTables = ['regions', 'sites', 'units', 'households', 'applications', 'inspections', 'leases', 'occupancyReports'] as const;

/** Everything the exports draw from, as the device holds it (the user's regions). */
export async function readExportSource(db: LocalDb): Promise<ExportSource> {
  const [regions, sites, units, households, applications, inspections, leases, reports] = await Promise.all([
    db.regions.toArray(),
    db.sites.toArray(),
    db.units.toArray(),
    db.households.toArray(),
    db.applications.toArray(),
    db.inspections.toArray(),
    db.leases.toArray(),
    db.occupancyReports.toArray(),
  ]);
  return { regions, sites, units, households, applications, inspections, leases, reports };
}
