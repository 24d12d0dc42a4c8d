import { z } from 'zod';
import type { LocalDb } from '../../worker';
import type { CapturedPhoto } from '../components/photo-capture';
import type { ChecklistForm } from './checklist-form';
import type { GpsPosition } from './gps-position';
import { createFormDraftSaver, type DraftSaver as FormDraftSaver } from '../form-drafts/draft-saver';

/** Everything the inspection form holds, as typed: what a draft keeps. */
export interface InspectionFormValues {
  /**
   * The id the inspection is saved under. A new inspection's is made when its form first opens
   * and kept in the draft, so a save cut short (the record saved, the app killed before the draft
   * was deleted) is finished by saving the same record again, never by recording it twice.
   */
  recordId: string;
  type: string;
  inspectedOn: string;
  conditionRating: string;
  notes: string;
  position: GpsPosition | null;
  checklist: ChecklistForm;
  /** Photos by checklist item key; their bytes are already on the device (attachmentBlobs). */
  photos: Record<string, CapturedPhoto[]>;
}

export const inspectionDraftKind = 'inspection';

/** One draft per inspection being changed, and one per unit for a new inspection. */
export function inspectionDraftId(unitId: string, inspectionId?: string): string {
  return inspectionId ?? `new:${unitId}`;
}

const text = z.string().max(20_000);
const valuesSchema = z.object({
  recordId: z.string().min(1).max(64),
  type: text,
  inspectedOn: text,
  conditionRating: text,
  notes: text,
  position: z.object({ latitude: z.number(), longitude: z.number(), accuracyM: z.number().nullable() }).nullable(),
  checklist: z.record(
    z.string(),
    z.object({
      rating: z.enum(['', '1', '2', '3', '4', '5']),
      hasProblem: z.boolean(),
      severity: text,
      description: text,
      repairAction: text,
      resolved: z.boolean(),
      resolvedOn: text,
      stored: z.object({ severity: text, inspectedOn: text, dueDate: text }).nullable(),
    }),
  ),
  photos: z.record(
    z.string(),
    z.array(
      z.object({
        sha256: text,
        mimeType: text,
        byteSize: z.number(),
        width: z.number().nullable(),
        height: z.number().nullable(),
        capturedAt: text,
        attachmentId: z.string().optional(),
      }),
    ),
  ),
});

/**
 * A stored draft's values, or null when they are not the shape this version writes (a draft of an
 * older app version): the form then starts from the record, as it would without a draft.
 */
export function parseInspectionDraft(values: unknown): InspectionFormValues | null {
  const parsed = valuesSchema.safeParse(values);
  if (!parsed.success) return null;
  // zod leaves out an absent optional key, as CapturedPhoto wants, but types it as possibly undefined.
  return parsed.data as InspectionFormValues;
}

export interface StoredInspectionDraft {
  values: InspectionFormValues;
  updatedAt: string;
}

/** The user's draft of this form, if there is one; another user's draft on a shared phone is not shown. */
export async function readInspectionDraft(db: LocalDb, draftId: string, userId: string): Promise<StoredInspectionDraft | null> {
  const draft = await db.formDrafts.get(draftId);
  if (!draft || draft.kind !== inspectionDraftKind || draft.userId !== userId) return null;
  const values = parseInspectionDraft(draft.values);
  return values && { values, updatedAt: draft.updatedAt };
}

export type DraftSaver = FormDraftSaver<InspectionFormValues>;

/** Keeps the inspection form in `formDrafts` as the officer types (web/form-drafts/draft-saver.ts). */
export function createDraftSaver(db: LocalDb, draft: { id: string; userId: string }, delayMs = 800): DraftSaver {
  return createFormDraftSaver(db, { ...draft, kind: inspectionDraftKind }, delayMs);
}
