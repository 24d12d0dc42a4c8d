import type { Conflict } from '../../schema';
import type { LocalDb } from '../../worker';

/** The record a conflict is about, as far as the device can name it. */
export type ConflictSubject =
  | { kind: 'unit'; code: string; siteName: string | undefined }
  | { kind: 'inspection'; unitCode: string | undefined; inspectedOn: string }
  /** An application or a household, named by the head of the household. */
  | { kind: 'household'; headName: string }
  /** Another entity, or a record no longer on the device (deleted): only its id can be shown. */
  | { kind: 'record'; recordId: string };

export interface ConflictRow {
  conflict: Conflict;
  subject: ConflictSubject;
}

const isOpen = (conflict: Conflict) => conflict.status === 'open' && !conflict.deleted;

/** How many conflicts wait for a decision. The store has no status index: conflicts are few. */
export function countOpenConflicts(db: LocalDb): Promise<number> {
  return db.conflicts.filter(isOpen).count();
}

async function subjectOf(db: LocalDb, conflict: Conflict): Promise<ConflictSubject> {
  const unknown: ConflictSubject = { kind: 'record', recordId: conflict.recordId };
  if (conflict.entity === 'units') {
    const unit = await db.units.get(conflict.recordId);
    if (!unit || unit.deleted) return unknown;
    return { kind: 'unit', code: unit.code, siteName: (await db.sites.get(unit.siteId))?.name };
  }
  if (conflict.entity === 'inspections') {
    const inspection = await db.inspections.get(conflict.recordId);
    if (!inspection || inspection.deleted) return unknown;
    return { kind: 'inspection', unitCode: (await db.units.get(inspection.unitId))?.code, inspectedOn: inspection.inspectedOn };
  }
  if (conflict.entity === 'households' || conflict.entity === 'applications') {
    const householdId = conflict.entity === 'households' ? conflict.recordId : (await db.applications.get(conflict.recordId))?.householdId;
    const household = householdId ? await db.households.get(householdId) : undefined;
    return household && !household.deleted ? { kind: 'household', headName: household.headName } : unknown;
  }
  return unknown;
}

/** Open conflicts, the most recently recorded first, each with the record it is about. */
export async function readOpenConflicts(db: LocalDb): Promise<ConflictRow[]> {
  const open = await db.conflicts.filter(isOpen).toArray();
  // updatedAt is the server's clock when the conflict was written; ids (uuidv7) break ties.
  open.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || b.id.localeCompare(a.id));
  return Promise.all(open.map(async (conflict) => ({ conflict, subject: await subjectOf(db, conflict) })));
}
