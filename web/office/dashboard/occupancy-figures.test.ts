import { describe, expect, it } from 'vitest';
import type { OccupancyRow } from '../../../schema';
import { computeDashboard, monthsEndingAt, regionChoices, type DashboardSource } from './occupancy-figures';

const live = { deleted: false };
const regions = [
  { id: 'jabar', parentId: null, name: 'Jawa Barat', ...live },
  { id: 'bandung', parentId: 'jabar', name: 'Kota Bandung', ...live },
  { id: 'coblong', parentId: 'bandung', name: 'Coblong', ...live },
  { id: 'dki', parentId: null, name: 'DKI Jakarta', ...live },
  { id: 'jaktim', parentId: 'dki', name: 'Kota Jakarta Timur', ...live },
  { id: 'jateng', parentId: null, name: 'Jawa Tengah', ...live },
];
const sites = [
  { id: 'sds', regionId: 'bandung', name: 'Rusunawa Sadang Serang', ...live },
  { id: 'cgd', regionId: 'coblong', name: 'Rusunawa Cigadung', ...live },
  { id: 'plg', regionId: 'jaktim', name: 'Rusunawa Pulo Gebang', ...live },
];
type UnitStatus = DashboardSource['units'][number]['status'];
const unit = (id: string, siteId: string, status: UnitStatus) => ({ id, siteId, status, ...live });
const row = (unitId: string, occupied: boolean, arrearsMonths = 0, arrearsAmount = 0): OccupancyRow => ({ unitId, occupied, occupants: occupied ? 3 : 0, arrearsMonths, arrearsAmount, issues: '' });
const lease = (unitId: string, status: 'active' | 'ended', startDate: string, endDate: string) => ({ unitId, status, startDate, endDate, ...live });
const report = (siteId: string, month: string, rows: OccupancyRow[], status: 'draft' | 'submitted' = 'submitted', submittedAt = `${month}-28T03:00:00.000Z`) => ({
  siteId,
  month,
  status,
  rows,
  submittedAt: status === 'submitted' ? submittedAt : null,
  ...live,
});

function source(overrides: Partial<DashboardSource> = {}): DashboardSource {
  return {
    regions,
    sites,
    units: [
      unit('sds-1', 'sds', 'occupied'),
      unit('sds-2', 'sds', 'available'),
      unit('sds-3', 'sds', 'reserved'),
      unit('sds-4', 'sds', 'unavailable'),
      unit('cgd-1', 'cgd', 'occupied'),
      unit('cgd-2', 'cgd', 'under_repair'),
      unit('plg-1', 'plg', 'occupied'),
      unit('plg-2', 'plg', 'occupied'),
    ],
    leases: [],
    reports: [],
    overdueRepairs: [],
    ...overrides,
  };
}
const all = { regionId: null, siteId: null };

describe('computeDashboard', () => {
  it('counts the current month live from unit statuses; an unavailable unit is not rentable, reserved and under repair are vacant', () => {
    const figures = computeDashboard(source(), all, '2026-11');
    expect(figures.totals).toMatchObject({ rentable: 7, occupied: 4, vacant: 3, sites: 3 });
    expect(figures.totals.rate).toBeCloseTo(4 / 7);
    const sds = figures.bySite.find((s) => s.siteName === 'Rusunawa Sadang Serang')!;
    expect(sds).toMatchObject({ rentable: 3, occupied: 1, vacant: 2, regionName: 'Kota Bandung' });
    expect(figures.byMonth.at(-1)).toMatchObject({ month: '2026-11', source: 'live', occupied: 4, vacant: 3 });
  });

  it('counts a unit held by an active lease as occupied at once, whatever its status still says; an ended lease does not', () => {
    const leases = [
      lease('sds-2', 'active', '2026-11-26', '2027-11-26'),
      lease('sds-3', 'ended', '2026-01-01', '2026-12-31'),
      { ...lease('cgd-2', 'active', '2026-01-01', '2026-12-31'), deleted: true },
    ];
    const figures = computeDashboard(source({ leases }), all, '2026-11');
    expect(figures.totals).toMatchObject({ occupied: 5, vacant: 2 });
    expect(figures.bySite.find((s) => s.siteId === 'sds')).toMatchObject({ occupied: 2, vacant: 1 });
  });

  it('counts the live month by the occupancy report’s lease rule: an active lease only when it covers the month', () => {
    const leases = [
      lease('sds-2', 'active', '2025-01-01', '2026-10-31'), // ran out last month, never ended in the app
      lease('sds-3', 'active', '2026-12-01', '2027-11-30'), // signed ahead, starts next month
      lease('cgd-2', 'active', '2026-11-30', '2027-11-29'), // starts on the month's last day
    ];
    const figures = computeDashboard(source({ leases }), all, '2026-11');
    expect(figures.bySite.find((s) => s.siteId === 'sds')).toMatchObject({ occupied: 1, vacant: 2 });
    expect(figures.bySite.find((s) => s.siteId === 'cgd')).toMatchObject({ occupied: 2, vacant: 0 });
  });

  it('counts a past month by the live month’s rule: a report row of a unit now unavailable is not rentable unless it was occupied', () => {
    // The report's pre-fill writes a row for every unit, sds-4 (unavailable) as vacant.
    const reports = [
      report('sds', '2026-10', [row('sds-1', true), row('sds-2', false), row('sds-3', false), row('sds-4', false, 1, 100_000)]),
      report('sds', '2026-09', [row('sds-1', true), row('sds-2', false), row('sds-3', false), row('sds-4', true)]),
    ];
    const figures = computeDashboard(source({ reports }), { regionId: null, siteId: 'sds' }, '2026-11');
    const [september, october, november] = figures.byMonth.slice(-3);
    expect(november).toMatchObject({ source: 'live', rentable: 3, occupied: 1, vacant: 2 });
    // Same units, same occupancy: October must read as November does, not 1 of 4.
    expect(october).toMatchObject({ rentable: 3, occupied: 1, vacant: 2, arrearsHouseholds: 1, arrearsAmount: 100_000 });
    expect(october!.rate).toBeCloseTo(1 / 3);
    // Someone lived in sds-4 in September: it was rented then.
    expect(september).toMatchObject({ rentable: 4, occupied: 2, vacant: 2 });
  });

  it('takes a past month from the submitted reports only (not drafts), and says how many sites reported', () => {
    const reports = [
      report('sds', '2026-09', [row('sds-1', true), row('sds-2', true), row('sds-3', false)]),
      report('plg', '2026-09', [row('plg-1', true), row('plg-2', false)]),
      report('cgd', '2026-09', [row('cgd-1', true), row('cgd-2', true)], 'draft'),
    ];
    const figures = computeDashboard(source({ reports }), all, '2026-11');
    expect(figures.byMonth.map((m) => m.month)).toEqual(['2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11']);
    const september = figures.byMonth.find((m) => m.month === '2026-09')!;
    expect(september).toMatchObject({ source: 'reports', rentable: 5, occupied: 3, vacant: 2, sitesReported: 2, sitesInScope: 3 });
    expect(september.rate).toBeCloseTo(0.6);
    const october = figures.byMonth.find((m) => m.month === '2026-10')!;
    expect(october).toMatchObject({ rentable: 0, sitesReported: 0, rate: null });
  });

  it('sums arrears (households and rupiah) from each site’s submitted report of this month or last, and each past month from its own', () => {
    const reports = [
      report('sds', '2026-09', [row('sds-1', true, 2, 600_000), row('sds-2', true, 1, 300_000)]),
      report('sds', '2026-10', [row('sds-1', true, 3, 900_000), row('sds-2', true)]),
      report('plg', '2026-10', [row('plg-1', true, 1, 450_000), row('plg-2', true, 0, 0)]),
      // A later, corrected submission of the same month replaces the first.
      report('plg', '2026-10', [row('plg-1', true, 2, 900_000), row('plg-2', true, 0, 0)], 'submitted', '2026-10-30T03:00:00.000Z'),
      report('cgd', '2026-11', [row('cgd-1', true, 1, 250_000)], 'draft'),
    ];
    const figures = computeDashboard(source({ reports }), all, '2026-11');
    expect(figures.totals).toMatchObject({ arrearsHouseholds: 2, arrearsAmount: 1_800_000, arrearsSites: 2 });
    expect(figures.bySite.find((s) => s.siteId === 'sds')).toMatchObject({ arrearsHouseholds: 1, arrearsAmount: 900_000, arrearsMonth: '2026-10' });
    expect(figures.bySite.find((s) => s.siteId === 'cgd')).toMatchObject({ arrearsHouseholds: 0, arrearsMonth: null });
    expect(figures.byMonth.find((m) => m.month === '2026-09')).toMatchObject({ arrearsHouseholds: 2, arrearsAmount: 900_000 });
    expect(figures.byMonth.find((m) => m.month === '2026-10')).toMatchObject({ arrearsHouseholds: 2, arrearsAmount: 1_800_000 });
  });

  it('does not count a report older than last month as current arrears, and says how many sites the arrears cover', () => {
    const reports = [
      report('sds', '2026-08', [row('sds-1', true, 5, 1_500_000)]),
      report('plg', '2026-11', [row('plg-1', true, 1, 450_000)], 'submitted', '2026-11-20T03:00:00.000Z'),
      report('plg', '2026-10', [row('plg-1', true, 3, 900_000)]),
      report('cgd', '2026-10', [row('cgd-1', true, 2, 500_000)]),
    ];
    const figures = computeDashboard(source({ reports }), all, '2026-11');
    expect(figures.totals).toMatchObject({ arrearsHouseholds: 2, arrearsAmount: 950_000, arrearsSites: 2, sites: 3 });
    expect(figures.bySite.find((s) => s.siteId === 'sds')).toMatchObject({ arrearsHouseholds: 0, arrearsAmount: 0, arrearsMonth: null });
    // This month's report, once submitted, is the current one.
    expect(figures.bySite.find((s) => s.siteId === 'plg')).toMatchObject({ arrearsAmount: 450_000, arrearsMonth: '2026-11' });
    expect(figures.bySite.find((s) => s.siteId === 'cgd')).toMatchObject({ arrearsAmount: 500_000, arrearsMonth: '2026-10' });
    expect(figures.byMonth.at(-1)).toMatchObject({ source: 'live', arrearsHouseholds: 2, arrearsAmount: 950_000 });
  });

  it('counts overdue repairs at their unit’s site, per site, per region and in all', () => {
    const overdueRepairs = [{ unitId: 'sds-1' }, { unitId: 'sds-1' }, { unitId: 'cgd-2' }, { unitId: 'not-on-device' }];
    const figures = computeDashboard(source({ overdueRepairs }), all, '2026-11');
    expect(figures.totals.overdueRepairs).toBe(3);
    expect(figures.bySite.map((s) => [s.siteName, s.overdueRepairs])).toEqual([
      ['Rusunawa Cigadung', 1],
      ['Rusunawa Sadang Serang', 2],
      ['Rusunawa Pulo Gebang', 0],
    ]);
    expect(figures.byRegion.map((r) => [r.regionName, r.sites, r.overdueRepairs])).toEqual([
      ['Coblong', 1, 1],
      ['Kota Bandung', 1, 2],
      ['Kota Jakarta Timur', 1, 0],
    ]);
  });

  it('filters by a region (with the regions below it) and by a site', () => {
    const overdueRepairs = [{ unitId: 'plg-1' }];
    const jabar = computeDashboard(source({ overdueRepairs }), { regionId: 'jabar', siteId: null }, '2026-11');
    expect(jabar.bySite.map((s) => s.siteId).sort()).toEqual(['cgd', 'sds']);
    expect(jabar.totals).toMatchObject({ rentable: 5, occupied: 2, overdueRepairs: 0 });
    const one = computeDashboard(source(), { regionId: null, siteId: 'plg' }, '2026-11');
    expect(one.totals).toMatchObject({ rentable: 2, occupied: 2, rate: 1, sites: 1 });
  });

  it('leaves out deleted units and sites', () => {
    const figures = computeDashboard(
      source({ sites: sites.map((s) => (s.id === 'plg' ? { ...s, deleted: true } : s)), units: [unit('sds-1', 'sds', 'occupied'), { ...unit('sds-2', 'sds', 'available'), deleted: true }] }),
      all,
      '2026-11',
    );
    expect(figures.totals).toMatchObject({ rentable: 1, occupied: 1, sites: 2 });
  });
});

describe('monthsEndingAt', () => {
  it('goes back across a year end', () => {
    expect(monthsEndingAt('2026-02', 4)).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
  });
});

describe('regionChoices', () => {
  it('offers the regions holding sites and those above them, as a tree; a region without sites is left out', () => {
    expect(regionChoices(source()).map((c) => `${'-'.repeat(c.depth)}${c.name}`)).toEqual(['DKI Jakarta', '-Kota Jakarta Timur', 'Jawa Barat', '-Kota Bandung', '--Coblong']);
  });
});
