import { describe, expect, it } from 'vitest';
import type { Application, Inspection, OccupancyReport, Unit } from '../../../schema';
import { toCsv } from './download-table';
import { buildExport, noFilter, type ExportSource, type ExportWords } from './export-datasets';

const system = { version: 3, deleted: false, updatedAt: '2026-11-20T03:00:00.000Z', updatedBy: 'system' };
const regions = [
  { id: 'jabar', parentId: null, name: 'Jawa Barat', deleted: false },
  { id: 'bandung', parentId: 'jabar', name: 'Kota Bandung', deleted: false },
  { id: 'jaktim', parentId: null, name: 'Kota Jakarta Timur', deleted: false },
];
const sites = [
  { id: 'sds', regionId: 'bandung', name: 'Rusunawa Sadang Serang', deleted: false },
  { id: 'plg', regionId: 'jaktim', name: 'Rusunawa Pulo Gebang', deleted: false },
];
const unit = (id: string, siteId: string, code: string, status: Unit['status'], regionId = siteId === 'sds' ? 'bandung' : 'jaktim'): Unit => ({
  id, regionId, siteId, code, block: code[0]!, floor: 1, number: code.slice(2), sizeM2: 24.5, accessible: code === 'A-101', monthlyRent: 350_000, status, ...system,
});
const application = (id: string, siteId: string, status: Application['status'], submittedAt: string | null, householdId = 'h-siti'): Application => ({
  id, regionId: 'bandung', householdId, siteId, status, submittedAt, decisionNote: null, offeredUnitId: null, statement: '', createdBy: 'petugas', ...system,
});
const inspection = (id: string, unitId: string, inspectedOn: string, type: Inspection['type'] = 'periodic'): Inspection => ({
  id, regionId: 'bandung', unitId, type, inspectedOn, conditionRating: 3, notes: 'Atap =bocor', inspectorId: 'petugas', latitude: null, longitude: null, gpsAccuracyM: null,
  recordedAt: `${inspectedOn}T03:00:00.000Z`, ...system,
  checklist: [
    { key: 'unit.walls', rating: 5, problem: null },
    { key: 'unit.electrical', rating: 1, problem: { severity: 'severe', description: 'Kabel', repairAction: 'Ganti', dueDate: '2026-11-08', resolvedOn: null } },
    { key: 'unit.floor', rating: 2, problem: { severity: 'low', description: 'Ubin', repairAction: 'Ganti', dueDate: '2027-01-30', resolvedOn: null } },
    { key: 'unit.plumbing', rating: 2, problem: { severity: 'severe', description: 'Bocor', repairAction: 'Perbaiki', dueDate: '2026-11-08', resolvedOn: '2026-11-05' } },
  ],
});
const report = (id: string, siteId: string, month: string, status: OccupancyReport['status'], rows: OccupancyReport['rows']): OccupancyReport => ({
  id, regionId: 'bandung', siteId, month, status, rows, submittedAt: status === 'submitted' ? `${month}-28T03:00:00.000Z` : null, preparedBy: 'petugas', ...system,
});

function source(): ExportSource {
  return {
    regions,
    sites,
    units: [unit('u1', 'sds', 'A-101', 'occupied'), unit('u2', 'sds', 'A-102', 'available'), unit('u3', 'plg', 'B-201', 'occupied'), { ...unit('u4', 'sds', 'A-103', 'available'), deleted: true }],
    households: [
      { id: 'h-siti', headName: 'Siti Nurhaliza', deleted: false },
      { id: 'h-budi', headName: 'Budi, "Pak RT"', deleted: false },
    ],
    applications: [
      application('a1', 'sds', 'submitted', '2026-11-10T02:00:00.000Z'),
      application('a2', 'sds', 'draft', null, 'h-budi'),
      application('a3', 'plg', 'approved', '2026-10-01T02:00:00.000Z', 'h-budi'),
      { ...application('a4', 'sds', 'submitted', '2026-11-11T02:00:00.000Z'), deleted: true },
    ],
    inspections: [inspection('i1', 'u1', '2026-11-01'), inspection('i2', 'u3', '2026-10-15', 'complaint')],
    leases: [
      { id: 'l1', unitId: 'u1', householdId: 'h-siti', agreementNumber: 'SDS/2026/001', status: 'active', startDate: '2026-01-01', deleted: false },
      { id: 'l0', unitId: 'u2', householdId: 'h-budi', agreementNumber: 'SDS/2025/009', status: 'ended', startDate: '2025-01-01', deleted: false },
    ],
    reports: [
      report('r1', 'sds', '2026-10', 'submitted', [
        { unitId: 'u1', occupied: true, occupants: 4, arrearsMonths: 2, arrearsAmount: 700_000, issues: 'Pintu rusak' },
        { unitId: 'u2', occupied: false, occupants: 0, arrearsMonths: 0, arrearsAmount: 0, issues: '' },
      ]),
      report('r2', 'sds', '2026-11', 'draft', [{ unitId: 'u1', occupied: true, occupants: 4, arrearsMonths: 3, arrearsAmount: 1_050_000, issues: '' }]),
      report('r3', 'plg', '2026-09', 'submitted', [{ unitId: 'u3', occupied: true, occupants: 2, arrearsMonths: 0, arrearsAmount: 0, issues: '' }]),
    ],
  };
}

const words: ExportWords = {
  header: (column) => `[${column}]`,
  status: (dataset, value) => `${dataset}:${value}`,
  yesNo: (value) => (value ? 'Ya' : 'Tidak'),
};
const today = '2026-11-26';

describe('buildExport', () => {
  it('applications: names resolved, ids kept, newest submission first, deleted left out', () => {
    const { columns, rows } = buildExport('applications', source(), noFilter, words, today);
    expect(columns[0]).toEqual({ key: 'applicationId', header: '[applicationId]' });
    expect(rows.map((r) => r.applicationId)).toEqual(['a1', 'a3', 'a2']);
    expect(rows[0]).toMatchObject({ status: 'applications:submitted', householdHead: 'Siti Nurhaliza', householdId: 'h-siti', siteName: 'Rusunawa Sadang Serang', siteId: 'sds', regionName: 'Kota Bandung', submittedAt: expect.stringMatching(/^2026-11-1[01]$/) });
  });

  it('applications: filtered by status and by a submission date range (a draft, never submitted, falls outside any range)', () => {
    expect(buildExport('applications', source(), { ...noFilter, status: 'approved' }, words, today).rows.map((r) => r.applicationId)).toEqual(['a3']);
    const november = buildExport('applications', source(), { ...noFilter, from: '2026-11-01', to: '2026-11-30' }, words, today);
    expect(november.rows.map((r) => r.applicationId)).toEqual(['a1']);
  });

  it('units: a region takes in the regions below it; numbers stay numbers; the occupant comes from the active lease', () => {
    const { rows } = buildExport('units', source(), { ...noFilter, regionId: 'jabar' }, words, today);
    expect(rows.map((r) => r.unitCode)).toEqual(['A-101', 'A-102']);
    expect(rows[0]).toMatchObject({ unitId: 'u1', floor: 1, sizeM2: 24.5, monthlyRent: 350_000, accessible: 'Ya', status: 'units:occupied', householdHead: 'Siti Nurhaliza', leaseNumber: 'SDS/2026/001' });
    expect(rows[1]).toMatchObject({ householdHead: '', leaseNumber: '' });
    expect(buildExport('units', source(), { ...noFilter, status: 'occupied' }, words, today).rows.map((r) => r.unitId)).toEqual(['u3', 'u1']);
  });

  it('inspections: by site and day range, with problem counts (open, and overdue by the repairs-due rule)', () => {
    const all = buildExport('inspections', source(), noFilter, words, today);
    expect(all.rows.map((r) => r.inspectionId)).toEqual(['i1', 'i2']);
    expect(all.rows[0]).toMatchObject({ unitCode: 'A-101', siteName: 'Rusunawa Sadang Serang', type: 'inspections:periodic', problems: 3, openProblems: 2, overdueProblems: 1 });
    expect(buildExport('inspections', source(), { ...noFilter, siteId: 'plg' }, words, today).rows.map((r) => r.inspectionId)).toEqual(['i2']);
    expect(buildExport('inspections', source(), { ...noFilter, from: '2026-10-16' }, words, today).rows.map((r) => r.inspectionId)).toEqual(['i1']);
    expect(buildExport('inspections', source(), { ...noFilter, status: 'complaint' }, words, today).rows.map((r) => r.inspectionId)).toEqual(['i2']);
  });

  it('occupancy reports: one row per unit line, filtered by report status and month range', () => {
    const all = buildExport('occupancyReports', source(), noFilter, words, today);
    expect(all.rows.map((r) => `${r.reportId}/${r.unitCode}`)).toEqual(['r2/A-101', 'r1/A-101', 'r1/A-102', 'r3/B-201']);
    const submitted = buildExport('occupancyReports', source(), { ...noFilter, status: 'submitted', from: '2026-10', to: '2026-10' }, words, today);
    expect(submitted.rows).toEqual([
      expect.objectContaining({ reportId: 'r1', month: '2026-10', reportStatus: 'occupancyReports:submitted', unitId: 'u1', currentHouseholdHead: 'Siti Nurhaliza', occupied: 'Ya', occupants: 4, arrearsMonths: 2, arrearsAmount: 700_000, issues: 'Pintu rusak' }),
      expect.objectContaining({ reportId: 'r1', unitId: 'u2', currentHouseholdHead: '', occupied: 'Tidak', arrearsAmount: 0 }),
    ]);
  });

  it('gives a table toCsv writes safely: a name with a comma and quotes, a note starting with =', () => {
    const table = buildExport('applications', source(), { ...noFilter, status: 'approved' }, words, today);
    expect(toCsv(table.columns, table.rows)).toContain(',"Budi, ""Pak RT""",');
    const inspections = buildExport('inspections', source(), noFilter, words, today);
    expect(toCsv(inspections.columns, inspections.rows)).toContain(',Atap =bocor,');
  });
});
