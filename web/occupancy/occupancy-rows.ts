import type { Lease, OccupancyRow, Unit } from '../../schema';
import { monthBounds } from './month';

/**
 * The occupancy report's arithmetic, kept pure: the rows pre-filled from what the device holds,
 * what changed since last month, and the totals.
 */

/** An active lease that runs for at least one day of the month. */
export function leaseCoversMonth(lease: Pick<Lease, 'status' | 'startDate' | 'endDate' | 'deleted'>, month: string): boolean {
  const { first, last } = monthBounds(month);
  return !lease.deleted && lease.status === 'active' && lease.startDate <= last && lease.endDate >= first;
}

export function blankRow(unitId: string, occupied: boolean): OccupancyRow {
  return { unitId, occupied, occupants: 0, arrearsMonths: 0, arrearsAmount: 0, issues: '' };
}

/**
 * A row for every unit (in the order given): occupied when an active lease covers the month or
 * the unit's status says so; occupants carried over from last month's report when it counted
 * them (and the unit is still occupied); arrears and issues start empty, the officer fills them.
 */
export function prefillRows(
  units: readonly Pick<Unit, 'id' | 'status'>[],
  leases: readonly Pick<Lease, 'unitId' | 'status' | 'startDate' | 'endDate' | 'deleted'>[],
  previousRows: readonly OccupancyRow[] | null,
  month: string,
): OccupancyRow[] {
  const leased = new Set(leases.filter((lease) => leaseCoversMonth(lease, month)).map((lease) => lease.unitId));
  const previous = new Map((previousRows ?? []).map((row) => [row.unitId, row]));
  return units.map((unit) => {
    const occupied = leased.has(unit.id) || unit.status === 'occupied';
    const last = previous.get(unit.id);
    return { ...blankRow(unit.id, occupied), occupants: occupied && last?.occupied ? last.occupants : 0 };
  });
}

/**
 * The rows of a draft as saved, in the units' order, with a pre-filled row for each unit added
 * since and without units no longer on the site. A submitted report is shown as it was sent.
 */
export function draftRows(saved: readonly OccupancyRow[], prefilled: readonly OccupancyRow[]): OccupancyRow[] {
  const byUnit = new Map(saved.map((row) => [row.unitId, row]));
  return prefilled.map((row) => byUnit.get(row.unitId) ?? row);
}

export type RowChange =
  | { kind: 'new' }
  | { kind: 'becameOccupied' }
  | { kind: 'becameVacant' }
  | { kind: 'occupants'; from: number; to: number }
  | { kind: 'arrears'; fromMonths: number; toMonths: number; fromAmount: number; toAmount: number };

/** What changed in one unit's row since last month's; `previous` undefined means the unit is new to the report. */
export function rowChanges(row: OccupancyRow, previous: OccupancyRow | undefined): RowChange[] {
  if (!previous) return [{ kind: 'new' }];
  const changes: RowChange[] = [];
  if (row.occupied !== previous.occupied) changes.push({ kind: row.occupied ? 'becameOccupied' : 'becameVacant' });
  if (row.occupants !== previous.occupants) changes.push({ kind: 'occupants', from: previous.occupants, to: row.occupants });
  if (row.arrearsMonths !== previous.arrearsMonths || row.arrearsAmount !== previous.arrearsAmount) {
    changes.push({ kind: 'arrears', fromMonths: previous.arrearsMonths, toMonths: row.arrearsMonths, fromAmount: previous.arrearsAmount, toAmount: row.arrearsAmount });
  }
  return changes;
}

export interface MonthOverMonth {
  /** Changes by unit id, only for units with at least one. */
  changed: Map<string, RowChange[]>;
  /** Units in last month's report that this one no longer has. */
  removedUnitIds: string[];
}

/** The month-over-month difference; null when there is no report for last month to compare with. */
export function changesSinceLastMonth(rows: readonly OccupancyRow[], previousRows: readonly OccupancyRow[] | null): MonthOverMonth | null {
  if (!previousRows) return null;
  const previous = new Map(previousRows.map((row) => [row.unitId, row]));
  const changed = new Map<string, RowChange[]>();
  for (const row of rows) {
    const changes = rowChanges(row, previous.get(row.unitId));
    if (changes.length > 0) changed.set(row.unitId, changes);
  }
  const current = new Set(rows.map((row) => row.unitId));
  return { changed, removedUnitIds: previousRows.filter((row) => !current.has(row.unitId)).map((row) => row.unitId) };
}

export interface ReportSummary {
  units: number;
  occupied: number;
  vacant: number;
  /** Occupied units over all units, 0 to 1; 0 for a site without units. */
  occupancyRate: number;
  occupants: number;
  unitsInArrears: number;
  arrearsAmount: number;
}

export function reportSummary(rows: readonly OccupancyRow[]): ReportSummary {
  let occupied = 0;
  let occupants = 0;
  let unitsInArrears = 0;
  let arrearsAmount = 0;
  for (const row of rows) {
    if (row.occupied) occupied += 1;
    occupants += row.occupants;
    if (row.arrearsMonths > 0 || row.arrearsAmount > 0) unitsInArrears += 1;
    arrearsAmount += row.arrearsAmount;
  }
  return {
    units: rows.length,
    occupied,
    vacant: rows.length - occupied,
    occupancyRate: rows.length ? occupied / rows.length : 0,
    occupants,
    unitsInArrears,
    arrearsAmount,
  };
}
