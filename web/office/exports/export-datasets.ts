import type { Application, Household, Inspection, Lease, OccupancyReport, Region, Site, Unit } from '../../../schema';
import { regionsWithin } from '../../queries/home-regions';
import type { TableColumn, TableRow } from './download-table';

/**
 * The office's exports: which rows each dataset holds, and its columns. Pure (the screen reads the
 * tables and passes them in), so what a spreadsheet receives is unit-tested. Every row carries the
 * record ids (for tracing a line back to the app) next to the names people read; values stay typed
 * (numbers as numbers), words come from the caller so headers follow the user's language.
 */

export const exportDatasets = ['applications', 'units', 'inspections', 'occupancyReports'] as const;
export type ExportDataset = (typeof exportDatasets)[number];

type Live<T> = T & { deleted: boolean };

export interface ExportSource {
  regions: Live<Pick<Region, 'id' | 'parentId' | 'name'>>[];
  sites: Live<Pick<Site, 'id' | 'regionId' | 'name'>>[];
  units: Live<Unit>[];
  households: Live<Pick<Household, 'id' | 'headName'>>[];
  applications: Live<Application>[];
  inspections: Live<Inspection>[];
  leases: Live<Pick<Lease, 'id' | 'unitId' | 'householdId' | 'agreementNumber' | 'status' | 'startDate'>>[];
  reports: Live<OccupancyReport>[];
}

export interface ExportFilter {
  regionId: string | null;
  siteId: string | null;
  /** Application status, unit status, inspection type or report status: the dataset's own. */
  status: string | null;
  /** Inclusive: 'YYYY-MM-DD' (applications by submission, inspections by day) or 'YYYY-MM' (reports). */
  from: string | null;
  to: string | null;
}

export const noFilter: ExportFilter = { regionId: null, siteId: null, status: null, from: null, to: null };

/** What the range filter applies to, per dataset: a day, a month, or nothing. */
export const rangeKind: Record<ExportDataset, 'date' | 'month' | null> = {
  applications: 'date',
  units: null,
  inspections: 'date',
  occupancyReports: 'month',
};

export const columnKeys = {
  applications: ['applicationId', 'status', 'householdHead', 'householdId', 'siteName', 'siteId', 'regionName', 'submittedAt', 'offeredUnitCode', 'decisionNote', 'createdBy', 'updatedAt'],
  units: ['unitId', 'unitCode', 'siteName', 'siteId', 'regionName', 'block', 'floor', 'number', 'sizeM2', 'accessible', 'monthlyRent', 'status', 'householdHead', 'leaseNumber'],
  inspections: ['inspectionId', 'inspectedOn', 'type', 'unitCode', 'unitId', 'siteName', 'regionName', 'conditionRating', 'problems', 'openProblems', 'overdueProblems', 'notes', 'inspectorId', 'recordedAt'],
  occupancyReports: ['reportId', 'month', 'reportStatus', 'siteName', 'siteId', 'regionName', 'unitCode', 'unitId', 'currentHouseholdHead', 'occupied', 'occupants', 'arrearsMonths', 'arrearsAmount', 'issues', 'submittedAt', 'preparedBy'],
} as const satisfies Record<ExportDataset, readonly string[]>;

export type ColumnKey = (typeof columnKeys)[ExportDataset][number];

/** The words an export needs, in the user's language. */
export interface ExportWords {
  header(column: ColumnKey): string;
  status(dataset: ExportDataset, value: string): string;
  yesNo(value: boolean): string;
}

export interface ExportTable {
  columns: TableColumn[];
  rows: TableRow[];
}

/** The device's local calendar day of an instant, as the officer's screens show dates. */
export function localDay(instant: string): string {
  const time = new Date(instant);
  if (Number.isNaN(time.getTime())) return instant.slice(0, 10);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${time.getFullYear()}-${pad(time.getMonth() + 1)}-${pad(time.getDate())}`;
}

const inRange = (value: string | null, filter: ExportFilter) =>
  (!filter.from && !filter.to) || (value !== null && (!filter.from || value >= filter.from) && (!filter.to || value <= filter.to));

export function buildExport(dataset: ExportDataset, source: ExportSource, filter: ExportFilter, words: ExportWords, today: string): ExportTable {
  const regionNames = new Map(source.regions.map((r) => [r.id, r.name]));
  const sites = new Map(source.sites.filter((s) => !s.deleted).map((s) => [s.id, s]));
  const units = new Map(source.units.filter((u) => !u.deleted).map((u) => [u.id, u]));
  const heads = new Map(source.households.filter((h) => !h.deleted).map((h) => [h.id, h.headName]));
  const within = filter.regionId ? regionsWithin(source.regions, [filter.regionId]) : null;
  // Records are kept by the site they belong to: a unit's site decides for units, inspections and report lines.
  const keepSite = (siteId: string | undefined) => {
    const site = siteId ? sites.get(siteId) : undefined;
    return !!site && (!within || within.has(site.regionId)) && (!filter.siteId || site.id === filter.siteId);
  };
  const siteName = (siteId: string | undefined) => (siteId ? (sites.get(siteId)?.name ?? '') : '');
  const regionName = (siteId: string | undefined) => {
    const site = siteId ? sites.get(siteId) : undefined;
    return site ? (regionNames.get(site.regionId) ?? '') : '';
  };
  // The household living in a unit: its active lease's (the latest started, should there be two).
  const activeLease = new Map<string, ExportSource['leases'][number]>();
  for (const lease of source.leases) {
    if (lease.deleted || lease.status !== 'active') continue;
    const other = activeLease.get(lease.unitId);
    if (!other || lease.startDate > other.startDate) activeLease.set(lease.unitId, lease);
  }
  const occupant = (unitId: string) => {
    const lease = activeLease.get(unitId);
    return lease ? (heads.get(lease.householdId) ?? '') : '';
  };
  const columns = columnKeys[dataset].map((key) => ({ key, header: words.header(key) }));
  const status = (value: string) => words.status(dataset, value);

  let rows: TableRow[];
  switch (dataset) {
    case 'applications':
      rows = source.applications
        .filter((a) => !a.deleted && keepSite(a.siteId) && (!filter.status || a.status === filter.status) && inRange(a.submittedAt ? localDay(a.submittedAt) : null, filter))
        .sort((a, b) => (b.submittedAt ?? '').localeCompare(a.submittedAt ?? '') || a.id.localeCompare(b.id))
        .map((a) => ({
          applicationId: a.id,
          status: status(a.status),
          householdHead: heads.get(a.householdId) ?? '',
          householdId: a.householdId,
          siteName: siteName(a.siteId),
          siteId: a.siteId,
          regionName: regionName(a.siteId),
          submittedAt: a.submittedAt ? localDay(a.submittedAt) : null,
          offeredUnitCode: a.offeredUnitId ? (units.get(a.offeredUnitId)?.code ?? a.offeredUnitId) : null,
          decisionNote: a.decisionNote,
          createdBy: a.createdBy,
          updatedAt: localDay(a.updatedAt),
        }));
      break;
    case 'units':
      rows = [...units.values()]
        .filter((u) => keepSite(u.siteId) && (!filter.status || u.status === filter.status))
        .sort((a, b) => siteName(a.siteId).localeCompare(siteName(b.siteId)) || a.code.localeCompare(b.code, undefined, { numeric: true }))
        .map((u) => ({
          unitId: u.id,
          unitCode: u.code,
          siteName: siteName(u.siteId),
          siteId: u.siteId,
          regionName: regionName(u.siteId),
          block: u.block,
          floor: u.floor,
          number: u.number,
          sizeM2: u.sizeM2,
          accessible: words.yesNo(u.accessible),
          monthlyRent: u.monthlyRent,
          status: status(u.status),
          householdHead: occupant(u.id),
          leaseNumber: activeLease.get(u.id)?.agreementNumber ?? '',
        }));
      break;
    case 'inspections':
      rows = source.inspections
        .filter((i) => !i.deleted && keepSite(units.get(i.unitId)?.siteId) && (!filter.status || i.type === filter.status) && inRange(i.inspectedOn, filter))
        .sort((a, b) => b.inspectedOn.localeCompare(a.inspectedOn) || a.id.localeCompare(b.id))
        .map((i) => {
          const unit = units.get(i.unitId)!;
          const problems = i.checklist.filter((item) => item.problem).map((item) => item.problem!);
          const open = problems.filter((p) => !p.resolvedOn);
          return {
            inspectionId: i.id,
            inspectedOn: i.inspectedOn,
            type: status(i.type),
            unitCode: unit.code,
            unitId: unit.id,
            siteName: siteName(unit.siteId),
            regionName: regionName(unit.siteId),
            conditionRating: i.conditionRating,
            problems: problems.length,
            openProblems: open.length,
            // The repairs-due rule: overdue once the due day has passed.
            overdueProblems: open.filter((p) => p.dueDate < today).length,
            notes: i.notes,
            inspectorId: i.inspectorId,
            recordedAt: localDay(i.recordedAt),
          };
        });
      break;
    case 'occupancyReports':
      rows = source.reports
        .filter((r) => !r.deleted && keepSite(r.siteId) && (!filter.status || r.status === filter.status) && inRange(r.month, filter))
        .sort((a, b) => b.month.localeCompare(a.month) || siteName(a.siteId).localeCompare(siteName(b.siteId)))
        .flatMap((r) =>
          r.rows.map((line) => ({
            reportId: r.id,
            month: r.month,
            reportStatus: status(r.status),
            siteName: siteName(r.siteId),
            siteId: r.siteId,
            regionName: regionName(r.siteId),
            unitCode: units.get(line.unitId)?.code ?? '',
            unitId: line.unitId,
            // Who holds the unit's lease now: the report itself names no household.
            currentHouseholdHead: occupant(line.unitId),
            occupied: words.yesNo(line.occupied),
            occupants: line.occupants,
            arrearsMonths: line.arrearsMonths,
            arrearsAmount: line.arrearsAmount,
            issues: line.issues,
            submittedAt: r.submittedAt ? localDay(r.submittedAt) : null,
            preparedBy: r.preparedBy,
          })),
        );
      break;
  }
  return { columns, rows };
}
