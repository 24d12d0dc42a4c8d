import type { Attachment, Inspection, Rejection } from '../../schema';
import type { LocalDb, OutboxEntry } from '../../worker';

export interface InspectionEntry {
  inspection: Inspection;
  /** The server has not acknowledged this inspection (or its last change) yet. */
  pending: boolean;
  /** Why the server refused a change of it, while that change waits to be fixed or discarded (S15). */
  rejection: Rejection | null;
  /** Its photos (live attachment records), oldest first. */
  photos: Attachment[];
}

/** The reason of a record's latest rejected change, if it has one. */
export function latestRejection(entries: readonly OutboxEntry[]): Rejection | null {
  const rejected = entries.filter((e) => e.state === 'rejected').sort((a, b) => b.seq - a.seq);
  // A rejected entry always carries its reason; the fallback only guards rows of an older shape.
  return rejected[0] ? (rejected[0].rejection ?? { code: 'rejected', message: '' }) : null;
}

const byCapture = (a: Attachment, b: Attachment) => a.capturedAt.localeCompare(b.capturedAt) || a.id.localeCompare(b.id);

/** A unit's inspections, the most recent inspection date first, with their photos. */
export async function readInspectionHistory(db: LocalDb, unitId: string): Promise<InspectionEntry[]> {
  const inspections = (await db.inspections.where('unitId').equals(unitId).toArray()).filter((i) => !i.deleted);
  const ids = inspections.map((i) => i.id);
  const [entries, attachments] = await Promise.all([
    db.outbox.where('recordId').anyOf(ids).toArray(),
    db.attachments.where('inspectionId').anyOf(ids).toArray(),
  ]);
  const photosOf = new Map<string, Attachment[]>();
  for (const attachment of attachments.filter((a) => !a.deleted && a.kind === 'inspection_photo').sort(byCapture)) {
    photosOf.set(attachment.inspectionId!, [...(photosOf.get(attachment.inspectionId!) ?? []), attachment]);
  }
  // Not Map.groupBy: it is too new for some of the phones in use.
  const byRecord = new Map<string, OutboxEntry[]>();
  for (const entry of entries) byRecord.set(entry.recordId, [...(byRecord.get(entry.recordId) ?? []), entry]);
  return inspections
    .sort((a, b) => b.inspectedOn.localeCompare(a.inspectedOn) || b.recordedAt.localeCompare(a.recordedAt))
    .map((inspection) => {
      const own = byRecord.get(inspection.id) ?? [];
      return { inspection, pending: own.some((e) => e.state === 'pending'), rejection: latestRejection(own), photos: photosOf.get(inspection.id) ?? [] };
    });
}
