import { z } from 'zod';
import { formSteps } from './form-steps';
import { documentKinds, type ApplicationFormValues } from './form-values';
import type { LocalDb } from '../../worker';
import type { CapturedPhoto } from '../components/photo-capture';
import { createFormDraftSaver, type DraftSaver as FormDraftSaver } from '../form-drafts/draft-saver';

export const applicationDraftKind = 'application';

/** What one application draft keeps: the form as typed, where the officer was, and the ids to save under. */
export interface ApplicationDraft {
  values: ApplicationFormValues<CapturedPhoto>;
  /** Index into formSteps. */
  step: number;
  /**
   * Chosen when the draft starts and kept, so a save that stopped half way (household written,
   * application not) and is tried again updates the same records instead of making new ones.
   */
  householdId: string;
  applicationId: string;
  /** The draft changes a stored application (a saved draft, or one returned for correction). */
  editing: boolean;
  /** The officer's note to the office, sent with a resubmission. */
  comment: string;
}

/** A new application's draft has its own id; a stored application's has one per application. */
export const editDraftId = (applicationId: string) => `edit:${applicationId}`;

const text = z.string().max(20_000);
const incomeSchema = z.object({ kind: z.enum(['', 'formal', 'informal']), amount: text, period: text });
const photoSchema = z.object({
  sha256: text,
  mimeType: text,
  byteSize: z.number(),
  width: z.number().nullable(),
  height: z.number().nullable(),
  capturedAt: text,
  attachmentId: z.string().optional(),
});
const valuesSchema = z.object({
  headName: text,
  headNik: text,
  kkNumber: text,
  birthDate: text,
  sex: text,
  maritalStatus: text,
  phone: text,
  headOccupation: text,
  headIncome: incomeSchema,
  members: z
    .array(z.object({ key: z.string().min(1).max(40), name: text, nik: text, relationship: text, age: text, occupation: text, income: incomeSchema }))
    .max(50),
  currentHousing: text,
  currentAddress: text,
  hasLocalIdCard: text,
  ownsHouse: text,
  siteId: text,
  statement: text,
  photos: z.object(Object.fromEntries(documentKinds.map((kind) => [kind, z.array(photoSchema)])) as Record<(typeof documentKinds)[number], z.ZodArray<typeof photoSchema>>),
});
const draftSchema = z.object({
  values: valuesSchema,
  step: z.int().min(0).max(formSteps.length - 1),
  householdId: z.uuid(),
  applicationId: z.uuid(),
  editing: z.boolean(),
  comment: text,
});

/**
 * A stored draft, or null when it is not the shape this version writes (an older app version's):
 * the form then starts as it would without one. IndexedDB rows are outside input.
 */
export function parseApplicationDraft(stored: unknown): ApplicationDraft | null {
  const parsed = draftSchema.safeParse(stored);
  // zod leaves out an absent optional key, as CapturedPhoto wants, but types it as possibly undefined.
  return parsed.success ? (parsed.data as ApplicationDraft) : null;
}

export interface StoredApplicationDraft {
  id: string;
  draft: ApplicationDraft;
  updatedAt: string;
}

/** The user's draft, if there is one; another user's draft on a shared phone is not shown. */
export async function readApplicationDraft(db: LocalDb, draftId: string, userId: string): Promise<StoredApplicationDraft | null> {
  const stored = await db.formDrafts.get(draftId);
  if (!stored || stored.kind !== applicationDraftKind || stored.userId !== userId) return null;
  const draft = parseApplicationDraft(stored.values);
  return draft && { id: stored.id, draft, updatedAt: stored.updatedAt };
}

/** Every application draft of the user, most recently changed first. */
export async function readApplicationDrafts(db: LocalDb, userId: string): Promise<StoredApplicationDraft[]> {
  const stored = await db.formDrafts.where('kind').equals(applicationDraftKind).toArray();
  return stored
    .filter((d) => d.userId === userId)
    .flatMap((d) => {
      const draft = parseApplicationDraft(d.values);
      return draft ? [{ id: d.id, draft, updatedAt: d.updatedAt }] : [];
    })
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}

export type DraftSaver = FormDraftSaver<ApplicationDraft>;

/** Keeps the application form in `formDrafts` as the officer types (web/form-drafts/draft-saver.ts). */
export function createDraftSaver(db: LocalDb, target: { id: string; userId: string }, delayMs = 300): DraftSaver {
  return createFormDraftSaver(db, { ...target, kind: applicationDraftKind }, delayMs);
}
