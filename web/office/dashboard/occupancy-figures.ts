import type { Lease, OccupancyReport, Region, Site, Unit } from '../../../schema';
import { previousMonth } from '../../occupancy/month';
import { leaseCoversMonth } from '../../occupancy/occupancy-rows';
import { regionsWithin } from '../../queries/home-regions';
import { regionTreeChoices, type RegionChoice } from '../../queries/region-tree';

/**
 * The office's occupancy figures, computed from what the device holds. Pure: the screen reads the
 * tables (dashboard-data.ts) and this turns them into numbers, so every rule below is unit-tested.
 *
 * - The current month is live: a unit is occupied when its status says so or an active lease covers
 *   the month (leaseCoversMonth, the occupancy report's own pre-fill rule), so a lease signed today
 *   counts at once, before anyone files a report.
 * - A past month is what the sites' submitted occupancy reports said; a site without one that month
 *   is left out of that month (and the month says how many sites reported).
 * - A unit "unavailable" (taken out of use) is not rentable: it counts neither as vacant nor in the
 *   occupancy rate. Reserved and under-repair units are vacant: nobody lives there. The same rule
 *   holds for past months, so that month-over-month compares like with like: a report writes a row
 *   for every unit, unavailable ones too (as vacant), and keeps no unit status, so a report row is
 *   left out of "rentable" when its unit is unavailable now and the row was not occupied. (The
 *   unit's status then is unknown; its status now is the best the device has. An occupied row is
 *   always kept: someone lived there, so it was rented.) Its arrears still count: they are owed.
 * - Arrears come from reports only (the device keeps no payments): the current arrears of a site
 *   are those of its submitted report of this month, else of last month; an older report is not
 *   "current", so that site's arrears are left out and the totals say how many sites they cover.
 *   A past month gives that month's.
 * - Overdue repairs: open problems past their due day (readRepairsDue), counted at their unit's site.
 */

type Live<T> = T & { deleted: boolean };

export interface DashboardSource {
  regions: Live<Pick<Region, 'id' | 'parentId' | 'name'>>[];
  sites: Live<Pick<Site, 'id' | 'regionId' | 'name'>>[];
  units: Live<Pick<Unit, 'id' | 'siteId' | 'status'>>[];
  leases: Live<Pick<Lease, 'unitId' | 'status' | 'startDate' | 'endDate'>>[];
  reports: Live<Pick<OccupancyReport, 'siteId' | 'month' | 'status' | 'rows' | 'submittedAt'>>[];
  /** The unit of each overdue, unresolved repair (one entry per problem). */
  overdueRepairs: { unitId: string }[];
}

export interface DashboardFilter {
  regionId: string | null;
  siteId: string | null;
}

/** Counts shared by a site, a region, a month and the whole. `rate` is null when nothing is rentable. */
export interface Occupancy {
  rentable: number;
  occupied: number;
  vacant: number;
  rate: number | null;
  arrearsHouseholds: number;
  arrearsAmount: number;
}

export interface SiteFigures extends Occupancy {
  siteId: string;
  siteName: string;
  regionId: string;
  regionName: string;
  overdueRepairs: number;
  /** The month of the report its arrears come from (this month or last); null without such a report. */
  arrearsMonth: string | null;
}

export interface RegionFigures extends Occupancy {
  regionId: string;
  regionName: string;
  sites: number;
  overdueRepairs: number;
}

export interface MonthFigures extends Occupancy {
  month: string;
  /** `live` for the current month, `reports` for a past one. */
  source: 'live' | 'reports';
  /** Sites in scope with a submitted report that month (a live month: every site). */
  sitesReported: number;
  sitesInScope: number;
}

export interface DashboardFigures {
  /** `arrearsSites`: the sites whose arrears are counted (a report of this month or last). */
  totals: Occupancy & { overdueRepairs: number; sites: number; arrearsSites: number };
  bySite: SiteFigures[];
  byRegion: RegionFigures[];
  /** Oldest first, the current month last. */
  byMonth: MonthFigures[];
}

export const monthsShown = 6;

const empty = (): Occupancy => ({ rentable: 0, occupied: 0, vacant: 0, rate: null, arrearsHouseholds: 0, arrearsAmount: 0 });

function add(into: Occupancy, from: Occupancy) {
  into.rentable += from.rentable;
  into.occupied += from.occupied;
  into.vacant += from.vacant;
  into.arrearsHouseholds += from.arrearsHouseholds;
  into.arrearsAmount += from.arrearsAmount;
  into.rate = rate(into.occupied, into.rentable);
}

const rate = (occupied: number, rentable: number) => (rentable > 0 ? occupied / rentable : null);

/** The last `count` months up to and including `month`, oldest first. */
export function monthsEndingAt(month: string, count = monthsShown): string[] {
  const months = [month];
  while (months.length < count) months.unshift(previousMonth(months[0]!));
  return months;
}

/** The sites a filter keeps: within the region (and the regions below it), or the one site. */
export function sitesInScope(source: Pick<DashboardSource, 'regions' | 'sites'>, filter: DashboardFilter) {
  const within = filter.regionId ? regionsWithin(source.regions, [filter.regionId]) : null;
  return source.sites.filter((s) => !s.deleted && (!within || within.has(s.regionId)) && (!filter.siteId || s.id === filter.siteId));
}

type ReportRows = DashboardSource['reports'][number]['rows'];

/** A report's figures; `unavailable` holds the units out of use now (see the rule above). */
function fromReport(rows: ReportRows, unavailable: ReadonlySet<string>): Occupancy {
  const rentable = rows.filter((r) => r.occupied || !unavailable.has(r.unitId));
  const occupied = rentable.filter((r) => r.occupied).length;
  const inArrears = rows.filter((r) => r.arrearsAmount > 0 || r.arrearsMonths > 0);
  return {
    rentable: rentable.length,
    occupied,
    vacant: rentable.length - occupied,
    rate: rate(occupied, rentable.length),
    arrearsHouseholds: inArrears.length,
    arrearsAmount: inArrears.reduce((sum, r) => sum + r.arrearsAmount, 0),
  };
}

/** Each site's submitted reports by month; of two for one month, the later submitted. */
function submittedReports(reports: DashboardSource['reports']) {
  const bySite = new Map<string, Map<string, DashboardSource['reports'][number]>>();
  for (const report of reports) {
    if (report.deleted || report.status !== 'submitted') continue;
    let months = bySite.get(report.siteId);
    if (!months) bySite.set(report.siteId, (months = new Map()));
    const other = months.get(report.month);
    if (!other || (report.submittedAt ?? '') > (other.submittedAt ?? '')) months.set(report.month, report);
  }
  return bySite;
}

export function computeDashboard(source: DashboardSource, filter: DashboardFilter, currentMonth: string): DashboardFigures {
  const regionNames = new Map(source.regions.map((r) => [r.id, r.name]));
  const sites = sitesInScope(source, filter);
  const leased = new Set(source.leases.filter((l) => leaseCoversMonth(l, currentMonth)).map((l) => l.unitId));
  const unavailable = new Set(source.units.filter((u) => !u.deleted && u.status === 'unavailable').map((u) => u.id));
  const reports = submittedReports(source.reports);
  const siteOfUnit = new Map<string, string>();
  const liveBySite = new Map<string, Occupancy>();
  for (const unit of source.units) {
    if (unit.deleted) continue;
    siteOfUnit.set(unit.id, unit.siteId);
    const occupied = unit.status === 'occupied' || leased.has(unit.id);
    if (!occupied && unit.status === 'unavailable') continue;
    let live = liveBySite.get(unit.siteId);
    if (!live) liveBySite.set(unit.siteId, (live = empty()));
    live.rentable += 1;
    if (occupied) live.occupied += 1;
    else live.vacant += 1;
  }
  const overdueBySite = new Map<string, number>();
  for (const repair of source.overdueRepairs) {
    const siteId = siteOfUnit.get(repair.unitId);
    if (siteId) overdueBySite.set(siteId, (overdueBySite.get(siteId) ?? 0) + 1);
  }

  const bySite: SiteFigures[] = sites.map((site) => {
    const live = liveBySite.get(site.id) ?? empty();
    const months = reports.get(site.id);
    const latest = months?.get(currentMonth) ?? months?.get(previousMonth(currentMonth));
    const arrears = latest ? fromReport(latest.rows, unavailable) : empty();
    return {
      siteId: site.id,
      siteName: site.name,
      regionId: site.regionId,
      regionName: regionNames.get(site.regionId) ?? '',
      rentable: live.rentable,
      occupied: live.occupied,
      vacant: live.vacant,
      rate: rate(live.occupied, live.rentable),
      arrearsHouseholds: arrears.arrearsHouseholds,
      arrearsAmount: arrears.arrearsAmount,
      arrearsMonth: latest?.month ?? null,
      overdueRepairs: overdueBySite.get(site.id) ?? 0,
    };
  });
  bySite.sort((a, b) => a.regionName.localeCompare(b.regionName) || a.siteName.localeCompare(b.siteName));

  const regions = new Map<string, RegionFigures>();
  const totals = { ...empty(), overdueRepairs: 0, sites: bySite.length, arrearsSites: bySite.filter((s) => s.arrearsMonth !== null).length };
  for (const site of bySite) {
    let region = regions.get(site.regionId);
    if (!region) regions.set(site.regionId, (region = { ...empty(), regionId: site.regionId, regionName: site.regionName, sites: 0, overdueRepairs: 0 }));
    add(region, site);
    region.sites += 1;
    region.overdueRepairs += site.overdueRepairs;
    add(totals, site);
    totals.overdueRepairs += site.overdueRepairs;
  }
  const byRegion = [...regions.values()].sort((a, b) => a.regionName.localeCompare(b.regionName));

  const byMonth = monthsEndingAt(currentMonth).map((month): MonthFigures => {
    if (month === currentMonth) {
      return { month, source: 'live', ...pickOccupancy(totals), sitesReported: bySite.length, sitesInScope: bySite.length };
    }
    const figures = { month, source: 'reports' as const, ...empty(), sitesReported: 0, sitesInScope: bySite.length };
    for (const site of bySite) {
      const report = reports.get(site.siteId)?.get(month);
      if (!report) continue;
      add(figures, fromReport(report.rows, unavailable));
      figures.sitesReported += 1;
    }
    return figures;
  });

  return { totals, bySite, byRegion, byMonth };
}

function pickOccupancy(o: Occupancy): Occupancy {
  return { rentable: o.rentable, occupied: o.occupied, vacant: o.vacant, rate: o.rate, arrearsHouseholds: o.arrearsHouseholds, arrearsAmount: o.arrearsAmount };
}

/** The filter's choices: regions holding sites (and those above them), nearest the root first. */
export function regionChoices(source: Pick<DashboardSource, 'regions' | 'sites'>): RegionChoice[] {
  const byId = new Map(source.regions.filter((r) => !r.deleted).map((r) => [r.id, r]));
  const used = new Set<string>();
  for (const site of source.sites) {
    if (site.deleted) continue;
    // Bounded: bad data with a cycle must not hang the screen.
    let id: string | null = site.regionId;
    for (let depth = 0; id && byId.has(id) && depth < 8; depth++) {
      used.add(id);
      id = byId.get(id)!.parentId;
    }
  }
  return regionTreeChoices([...byId.values()].filter((r) => used.has(r.id)));
}
