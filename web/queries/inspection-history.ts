import type { Inspection } from '../../schema';
import type { LocalDb } from '../../worker';

export interface InspectionEntry {
  inspection: Inspection;
  /** The server has not acknowledged this inspection (or its last change) yet. */
  pending: boolean;
}

/** A unit's inspections, the most recent inspection date first. */
export async function readInspectionHistory(db: LocalDb, unitId: string): Promise<InspectionEntry[]> {
  const inspections = (await db.inspections.where('unitId').equals(unitId).toArray()).filter((i) => !i.deleted);
  const pendingIds = new Set(
    (await db.outbox.where('recordId').anyOf(inspections.map((i) => i.id)).toArray())
      .filter((entry) => entry.state === 'pending')
      .map((entry) => entry.recordId),
  );
  return inspections
    .sort((a, b) => b.inspectedOn.localeCompare(a.inspectedOn) || b.recordedAt.localeCompare(a.recordedAt))
    .map((inspection) => ({ inspection, pending: pendingIds.has(inspection.id) }));
}
