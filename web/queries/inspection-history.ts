import type { Inspection, Rejection } from '../../schema';
import type { LocalDb, OutboxEntry } from '../../worker';

export interface InspectionEntry {
  inspection: Inspection;
  /** The server has not acknowledged this inspection (or its last change) yet. */
  pending: boolean;
  /** Why the server refused a change of it, while that change waits to be fixed or discarded (S15). */
  rejection: Rejection | null;
}

/** The reason of a record's latest rejected change, if it has one. */
export function latestRejection(entries: readonly OutboxEntry[]): Rejection | null {
  const rejected = entries.filter((e) => e.state === 'rejected').sort((a, b) => b.seq - a.seq);
  // A rejected entry always carries its reason; the fallback only guards rows of an older shape.
  return rejected[0] ? (rejected[0].rejection ?? { code: 'rejected', message: '' }) : null;
}

/** A unit's inspections, the most recent inspection date first. */
export async function readInspectionHistory(db: LocalDb, unitId: string): Promise<InspectionEntry[]> {
  const inspections = (await db.inspections.where('unitId').equals(unitId).toArray()).filter((i) => !i.deleted);
  const entries = await db.outbox.where('recordId').anyOf(inspections.map((i) => i.id)).toArray();
  // Not Map.groupBy: it is too new for some of the phones in use.
  const byRecord = new Map<string, OutboxEntry[]>();
  for (const entry of entries) byRecord.set(entry.recordId, [...(byRecord.get(entry.recordId) ?? []), entry]);
  return inspections
    .sort((a, b) => b.inspectedOn.localeCompare(a.inspectedOn) || b.recordedAt.localeCompare(a.recordedAt))
    .map((inspection) => {
      const own = byRecord.get(inspection.id) ?? [];
      return { inspection, pending: own.some((e) => e.state === 'pending'), rejection: latestRejection(own) };
    });
}
