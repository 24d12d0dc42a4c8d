import type { Inspection, Rejection } from '../../schema';
import type { LocalDb } from '../../worker';
import { latestRejection } from './inspection-history';
import { readUnitDetail, type UnitDetail } from './unit-detail';

export interface InspectionToEdit extends UnitDetail {
  inspection: Inspection;
  /** Why the server refused its last change, when the edit is a fix (S15). */
  rejection: Rejection | null;
}

/**
 * An inspection with its unit and site, for the edit form; `null` when the device does not hold
 * it, or it belongs to another unit than the address names.
 */
export async function readInspectionToEdit(db: LocalDb, unitId: string, inspectionId: string): Promise<InspectionToEdit | null> {
  const [detail, inspection] = await Promise.all([readUnitDetail(db, unitId), db.inspections.get(inspectionId)]);
  if (!detail || !inspection || inspection.deleted || inspection.unitId !== unitId) return null;
  const entries = await db.outbox.where('recordId').equals(inspectionId).toArray();
  return { ...detail, inspection, rejection: latestRejection(entries) };
}
