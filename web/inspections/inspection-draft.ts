import { z } from 'zod';
import type { LocalDb } from '../../worker';
import type { CapturedPhoto } from '../components/photo-capture';
import type { ChecklistForm } from './checklist-form';
import type { GpsPosition } from './gps-position';

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

export interface DraftSaver {
  /** Saves these values after a pause in typing; a newer call replaces an older one. */
  schedule(values: InspectionFormValues): void;
  /** Saves what is scheduled now (the page is being hidden: the phone may kill it). */
  flush(): Promise<void>;
  /** Forgets anything scheduled, deletes the draft, and saves nothing more (the form was saved). */
  discard(): Promise<void>;
}

/**
 * Keeps a form's values in `formDrafts` as the person types. Writes go one after another, so a
 * slow write can never land after the delete that follows a save and bring the draft back.
 */
export function createDraftSaver(db: LocalDb, draft: { id: string; userId: string }, delayMs = 800): DraftSaver {
  let pending: InspectionFormValues | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;
  let chain: Promise<void> = Promise.resolve();

  function enqueue(step: () => Promise<unknown>): Promise<void> {
    chain = chain.then(step).then(
      () => undefined,
      // A failed write (storage full) must not stop the next one; the form itself is still open.
      (error: unknown) => console.error('A form draft could not be saved', error),
    );
    return chain;
  }

  function flush(): Promise<void> {
    clearTimeout(timer);
    timer = undefined;
    const values = pending;
    pending = null;
    if (!values || closed) return chain;
    return enqueue(() =>
      db.formDrafts.put({ id: draft.id, kind: inspectionDraftKind, userId: draft.userId, values, updatedAt: new Date().toISOString() }),
    );
  }

  return {
    schedule(values) {
      if (closed) return;
      pending = values;
      clearTimeout(timer);
      timer = setTimeout(() => void flush(), delayMs);
    },
    flush,
    discard() {
      clearTimeout(timer);
      timer = undefined;
      pending = null;
      closed = true;
      return enqueue(() => db.formDrafts.delete(draft.id));
    },
  };
}
