import { describe, expect, it } from 'vitest';
import type { Lease, OccupancyRow, Unit } from '../../schema';
import { changesSinceLastMonth, draftRows, leaseCoversMonth, prefillRows, reportSummary } from './occupancy-rows';
import { currentMonth, formatMonth, monthBounds, previousMonth } from './month';

type LeaseFacts = Pick<Lease, 'unitId' | 'status' | 'startDate' | 'endDate' | 'deleted'>;
const lease = (unitId: string, startDate: string, endDate: string, status: Lease['status'] = 'active'): LeaseFacts => ({ unitId, status, startDate, endDate, deleted: false });
const unit = (id: string, status: Unit['status'] = 'available') => ({ id, status });
const row = (unitId: string, extra: Partial<OccupancyRow> = {}): OccupancyRow => ({ unitId, occupied: true, occupants: 3, arrearsMonths: 0, arrearsAmount: 0, issues: '', ...extra });

describe('months', () => {
  it('step back across a year and know their last day, leap years included', () => {
    expect(previousMonth('2026-01')).toBe('2025-12');
    expect(previousMonth('2026-11')).toBe('2026-10');
    expect(monthBounds('2028-02')).toEqual({ first: '2028-02-01', last: '2028-02-29' });
    expect(monthBounds('2026-02').last).toBe('2026-02-28');
    expect(monthBounds('2026-12').last).toBe('2026-12-31');
  });

  it('are the local calendar month and read in words', () => {
    expect(currentMonth(new Date(2026, 10, 30, 23, 59))).toBe('2026-11');
    expect(formatMonth('2026-11', 'id')).toBe('November 2026');
    expect(formatMonth('2026-08', 'id')).toBe('Agustus 2026');
    expect(formatMonth('2026-08', 'en')).toBe('August 2026');
  });
});

describe('a lease covers a month', () => {
  it('when it is active and runs for at least one of its days', () => {
    expect(leaseCoversMonth(lease('u', '2026-11-30', '2027-11-29'), '2026-11')).toBe(true);
    expect(leaseCoversMonth(lease('u', '2025-11-01', '2026-11-01'), '2026-11')).toBe(true);
    expect(leaseCoversMonth(lease('u', '2026-12-01', '2027-11-30'), '2026-11')).toBe(false);
    expect(leaseCoversMonth(lease('u', '2025-10-01', '2026-10-31'), '2026-11')).toBe(false);
    expect(leaseCoversMonth(lease('u', '2026-01-01', '2027-01-01', 'ended'), '2026-11')).toBe(false);
    expect(leaseCoversMonth({ ...lease('u', '2026-01-01', '2027-01-01'), deleted: true }, '2026-11')).toBe(false);
  });
});

describe('the pre-filled report', () => {
  it('marks a unit occupied by a lease covering the month or by its status, and carries last month’s occupants', () => {
    const units = [unit('leased'), unit('status', 'occupied'), unit('vacant'), unit('lease-ended'), unit('moved-out')];
    const leases = [lease('leased', '2026-01-01', '2027-01-01'), lease('lease-ended', '2025-01-01', '2026-10-31'), lease('other-site', '2026-01-01', '2027-01-01')];
    const previous = [row('leased', { occupants: 4, arrearsMonths: 2, arrearsAmount: 600_000, issues: 'bocor' }), row('moved-out', { occupants: 2 })];
    expect(prefillRows(units, leases, previous, '2026-11')).toEqual([
      { unitId: 'leased', occupied: true, occupants: 4, arrearsMonths: 0, arrearsAmount: 0, issues: '' },
      { unitId: 'status', occupied: true, occupants: 0, arrearsMonths: 0, arrearsAmount: 0, issues: '' },
      { unitId: 'vacant', occupied: false, occupants: 0, arrearsMonths: 0, arrearsAmount: 0, issues: '' },
      { unitId: 'lease-ended', occupied: false, occupants: 0, arrearsMonths: 0, arrearsAmount: 0, issues: '' },
      // Vacant now: last month's occupants have left with the lease.
      { unitId: 'moved-out', occupied: false, occupants: 0, arrearsMonths: 0, arrearsAmount: 0, issues: '' },
    ]);
  });

  it('without last month’s report leaves occupants at 0', () => {
    expect(prefillRows([unit('a', 'occupied')], [], null, '2026-11')[0]!.occupants).toBe(0);
  });

  it('keeps a draft’s saved rows, adds units new to the site and drops units gone from it', () => {
    const saved = [row('b', { occupants: 5 }), row('gone')];
    const prefilled = [row('a', { occupants: 0 }), row('b', { occupants: 1 })];
    expect(draftRows(saved, prefilled)).toEqual([row('a', { occupants: 0 }), row('b', { occupants: 5 })]);
  });
});

describe('changes since last month', () => {
  it('name each unit that moved out or in, changed occupants or arrears, or is new; and units dropped', () => {
    const previous = [
      row('same'),
      row('out'),
      row('in', { occupied: false, occupants: 0 }),
      row('arrears', { arrearsMonths: 1, arrearsAmount: 300_000 }),
      row('dropped'),
    ];
    const rows = [
      row('same', { issues: 'lampu mati' }),
      row('out', { occupied: false, occupants: 0 }),
      row('in', { occupants: 2 }),
      row('arrears', { arrearsMonths: 2, arrearsAmount: 600_000 }),
      row('new'),
    ];
    const diff = changesSinceLastMonth(rows, previous)!;
    expect(Object.fromEntries(diff.changed)).toEqual({
      out: [{ kind: 'becameVacant' }, { kind: 'occupants', from: 3, to: 0 }],
      in: [{ kind: 'becameOccupied' }, { kind: 'occupants', from: 0, to: 2 }],
      arrears: [{ kind: 'arrears', fromMonths: 1, toMonths: 2, fromAmount: 300_000, toAmount: 600_000 }],
      new: [{ kind: 'new' }],
    });
    expect(diff.removedUnitIds).toEqual(['dropped']);
  });

  it('are unknown without last month’s report', () => {
    expect(changesSinceLastMonth([row('a')], null)).toBeNull();
  });
});

describe('the report summary', () => {
  it('counts occupied and vacant units, the rate, occupants and arrears', () => {
    const rows = [
      row('a', { occupants: 4, arrearsMonths: 2, arrearsAmount: 700_000 }),
      row('b', { occupants: 2 }),
      row('c', { occupied: false, occupants: 0, arrearsAmount: 150_000 }),
      row('d', { occupied: false, occupants: 0 }),
    ];
    expect(reportSummary(rows)).toEqual({ units: 4, occupied: 2, vacant: 2, occupancyRate: 0.5, occupants: 6, unitsInArrears: 2, arrearsAmount: 850_000 });
    expect(reportSummary([]).occupancyRate).toBe(0);
  });
});
