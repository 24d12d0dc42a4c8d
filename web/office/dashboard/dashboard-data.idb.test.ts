import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../../schema';
import { LocalDb, saveRecord } from '../../../worker';
import { readDashboardSource } from './dashboard-data';
import { computeDashboard } from './occupancy-figures';

let db: LocalDb;
beforeEach(async () => {
  db = new LocalDb('dashboard-data-test', { indexedDB: new IDBFactory(), IDBKeyRange });
  const user = { id: 'office-1', username: 'kantor', displayName: 'Dewi', role: 'office_staff' as const, regionIds: [] };
  await db.setMeta('session', { token: 't', expiresAt: '2099-01-01T00:00:00.000Z', user, deviceId: uuidv7() });
  await db.setMeta('device', { deviceId: uuidv7(), nextSeq: 1 });
});
afterEach(() => db.close());

const regionId = uuidv7();
const siteId = uuidv7();
const system = { version: 3, deleted: false, updatedAt: '2026-01-01T00:00:00.000Z', updatedBy: 'system' };

async function unit(code: string, status: 'available' | 'occupied') {
  const id = uuidv7();
  await db.units.put({ id, regionId, siteId, code, block: 'A', floor: 1, number: code, sizeM2: 24, accessible: false, monthlyRent: 300_000, status, ...system });
  return id;
}

describe('readDashboardSource', () => {
  it('gives the live month from the device (a lease saved today counts at once), a past month from its report, and overdue repairs', async () => {
    await db.regions.put({ id: regionId, parentId: null, level: 'regency', code: '32.73', name: 'Kota Bandung', ...system });
    await db.sites.put({ id: siteId, regionId, name: 'Rusunawa Sadang Serang', address: 'Jl. Sadang Serang', latitude: null, longitude: null, floors: 5, ...system });
    const a101 = await unit('A-101', 'occupied');
    const a102 = await unit('A-102', 'available');
    await unit('A-103', 'available');
    await db.occupancyReports.put({
      id: uuidv7(), regionId, siteId, month: '2026-10', status: 'submitted', submittedAt: '2026-10-30T02:00:00.000Z', preparedBy: 'petugas', ...system,
      rows: [
        { unitId: a101, occupied: true, occupants: 4, arrearsMonths: 2, arrearsAmount: 600_000, issues: '' },
        { unitId: a102, occupied: false, occupants: 0, arrearsMonths: 0, arrearsAmount: 0, issues: '' },
      ],
    });
    await db.occupancyReports.put({
      id: uuidv7(), regionId, siteId, month: '2026-11', status: 'draft', submittedAt: null, preparedBy: 'petugas', ...system,
      rows: [{ unitId: a101, occupied: true, occupants: 4, arrearsMonths: 9, arrearsAmount: 2_700_000, issues: '' }],
    });
    const inspection = await saveRecord(db, 'inspections', undefined, {
      regionId, unitId: a101, type: 'periodic', inspectedOn: '2026-11-01', conditionRating: 2, notes: '', inspectorId: 'petugas',
      recordedAt: '2026-11-01T03:00:00.000Z', latitude: null, longitude: null, gpsAccuracyM: null,
      checklist: [
        { key: 'unit.electrical', rating: 1, problem: { severity: 'severe', description: 'Kabel terkelupas', repairAction: 'Ganti kabel', dueDate: '2026-11-08', resolvedOn: null } },
        { key: 'unit.floor', rating: 2, problem: { severity: 'low', description: 'Ubin retak', repairAction: 'Ganti ubin', dueDate: '2027-01-30', resolvedOn: null } },
        { key: 'unit.plumbing', rating: 2, problem: { severity: 'severe', description: 'Bocor', repairAction: 'Perbaiki', dueDate: '2026-11-08', resolvedOn: '2026-11-05' } },
      ],
    });
    expect(inspection.ok).toBe(true);

    const before = computeDashboard(await readDashboardSource(db, '2026-11-26'), { regionId: null, siteId: null }, '2026-11');
    expect(before.totals).toMatchObject({ rentable: 3, occupied: 1, vacant: 2, overdueRepairs: 1, arrearsHouseholds: 1, arrearsAmount: 600_000 });

    const lease = await saveRecord(db, 'leases', undefined, {
      regionId, agreementNumber: 'SDS/2026/011', householdId: uuidv7(), unitId: a102, applicationId: null,
      startDate: '2026-11-26', endDate: '2027-11-25', monthlyRent: 300_000, deposit: 900_000, status: 'active',
    });
    expect(lease.ok).toBe(true);
    const after = computeDashboard(await readDashboardSource(db, '2026-11-26'), { regionId: null, siteId: null }, '2026-11');
    expect(after.totals).toMatchObject({ occupied: 2, vacant: 1 });
    expect(after.byMonth.find((m) => m.month === '2026-10')).toMatchObject({ rentable: 2, occupied: 1, arrearsAmount: 600_000, sitesReported: 1 });
  });
});
