import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { uuidv7, type Lease, type OccupancyReport, type Site, type Unit } from '../../schema';
import { LocalDb } from '../../worker';
import { prefillRows } from '../occupancy/occupancy-rows';
import { readOccupancyReportSource } from './occupancy-report';

let db: LocalDb;
beforeEach(() => {
  db = new LocalDb('occupancy-report-test', { indexedDB: new IDBFactory(), IDBKeyRange });
});
afterEach(() => db.close());

const system = { version: 1, deleted: false, updatedAt: '2026-11-01T00:00:00.000Z', updatedBy: 'system' };
const regionId = uuidv7();
const site: Site = { id: uuidv7(), regionId, name: 'Rusunawa Sadang Serang', address: 'Bandung', latitude: null, longitude: null, floors: 4, ...system };

function unit(code: string, extra: Partial<Unit> = {}): Unit {
  return { id: uuidv7(), regionId, siteId: site.id, code, block: 'A', floor: 1, number: code, sizeM2: 24, accessible: false, monthlyRent: 300_000, status: 'available', ...system, ...extra };
}

function lease(unitId: string, startDate: string, endDate: string): Lease {
  return { id: uuidv7(), regionId, agreementNumber: `L-${unitId.slice(-4)}`, householdId: uuidv7(), unitId, applicationId: null, startDate, endDate, monthlyRent: 300_000, deposit: 0, status: 'active', ...system };
}

function report(month: string, extra: Partial<OccupancyReport> = {}): OccupancyReport {
  return { id: uuidv7(), regionId, siteId: site.id, month, status: 'submitted', rows: [], submittedAt: null, preparedBy: 'u1', ...system, ...extra };
}

describe('the sources of a site’s monthly report', () => {
  it('are the site’s live units by code, their leases, this month’s and last month’s reports', async () => {
    const [a10, a2, gone] = [unit('A-10'), unit('A-2'), unit('A-3', { deleted: true })];
    const otherSite = { ...unit('B-1'), siteId: uuidv7() };
    await db.sites.put(site);
    await db.units.bulkPut([a10, a2, gone, otherSite]);
    await db.leases.bulkPut([lease(a2.id, '2026-01-01', '2027-01-01'), lease(otherSite.id, '2026-01-01', '2027-01-01')]);
    const october = report('2026-10', { rows: [{ unitId: a2.id, occupied: true, occupants: 4, arrearsMonths: 0, arrearsAmount: 0, issues: '' }] });
    await db.occupancyReports.bulkPut([october, report('2026-09'), { ...report('2026-11'), siteId: uuidv7() }]);

    const source = (await readOccupancyReportSource(db, site.id, '2026-11'))!;
    expect(source.units.map((u) => u.code)).toEqual(['A-2', 'A-10']);
    expect(source.leases.map((l) => l.unitId)).toEqual([a2.id]);
    expect(source.report).toBeNull();
    expect(source.previousReport?.id).toBe(october.id);
    // Pre-filled from them: A-2 leased, with October's four occupants; A-10 vacant.
    expect(prefillRows(source.units, source.leases, source.previousReport!.rows, '2026-11').map((r) => [r.occupied, r.occupants])).toEqual([
      [true, 4],
      [false, 0],
    ]);
  });

  it('prefer a submitted report when two devices each started one', async () => {
    await db.sites.put(site);
    const submitted = report('2026-11', { status: 'submitted', updatedAt: '2026-11-02T00:00:00.000Z' });
    await db.occupancyReports.bulkPut([submitted, report('2026-11', { status: 'draft', updatedAt: '2026-11-03T00:00:00.000Z' })]);
    expect((await readOccupancyReportSource(db, site.id, '2026-11'))!.report?.id).toBe(submitted.id);
  });

  it('are null for a site not on the device', async () => {
    expect(await readOccupancyReportSource(db, uuidv7(), '2026-11')).toBeNull();
  });
});
