import { officerEditableStatuses, transitionProblem, type Application, type ApplicationStatus, type Site } from '../../schema';
import { checkRecord, saveRecord, type LocalDb, type Session } from '../../worker';
import { capturedPhotoOf, readAttachmentsOf } from '../photos/attachments-of';
import { updateAttachments } from '../photos/save-attachments';
import type { ApplicationDraft } from './form-draft';
import { applicationFieldsFrom, householdFieldsFrom } from './form-records';
import { fromFieldProblems, type FormProblem } from './form-steps';
import { documentKinds } from './form-values';

/** 'draft' keeps the application where it is (a new one becomes a draft); 'submit' sends it to the office. */
export type SaveIntent = 'draft' | 'submit';

export type SaveApplicationResult = { ok: true; applicationId: string; status: ApplicationStatus } | { ok: false; problems: FormProblem[] };

/** A move the officer may not make from here: the screen offers none, so this is a stale screen. */
export class ApplicationNotEditable extends Error {
  constructor(readonly status: ApplicationStatus) {
    super(`The application is ${status}`);
    this.name = 'ApplicationNotEditable';
  }
}

function savedOrThrow(result: Awaited<ReturnType<typeof saveRecord>>, what: string) {
  // The records were checked just before: a refusal here is the app's fault, never the officer's.
  if (!result.ok) throw new Error(`${what} not saved: ${result.problems.map((p) => `${p.field} ${p.code}`).join(', ')}`);
}

/** The fields of `whole` that differ from what is stored: a change sends only those. */
export function changedFields<T extends Record<string, unknown>>(stored: Record<string, unknown> | undefined, whole: T): Partial<T> {
  if (!stored) return whole;
  return Object.fromEntries(Object.entries(whole).filter(([name, value]) => JSON.stringify(stored[name] ?? null) !== JSON.stringify(value ?? null))) as Partial<T>;
}

/** Where a save moves the application: submitting a returned one is a resubmission. */
export function targetStatus(from: ApplicationStatus | null, intent: SaveIntent): ApplicationStatus {
  if (intent === 'draft') return from ?? 'draft';
  return from === 'returned' ? 'resubmitted' : 'submitted';
}

/**
 * Saves the form: the household first, then the application, then the status event, then the
 * documents, each its own outbox entry, in the order the server must see them (a record only
 * references what came before it). Ids come from the draft, so a save tried again after a
 * failure half way updates the same records. For a stored record only the changed fields are
 * written. The form's draft is the caller's to delete, after this answers ok.
 */
export async function saveApplication(
  db: LocalDb,
  request: { draft: ApplicationDraft; site: Site; session: Session; intent: SaveIntent; now?: Date },
): Promise<SaveApplicationResult> {
  const { draft, site, session, intent } = request;
  const now = request.now ?? new Date();
  const { householdId, applicationId, values } = draft;
  const [storedHousehold, storedApplication] = await Promise.all([db.households.get(householdId), db.applications.get(applicationId)]);
  const from = storedApplication && !storedApplication.deleted ? storedApplication.status : null;
  if (from !== null && !officerEditableStatuses.includes(from)) throw new ApplicationNotEditable(from);
  const to = targetStatus(from, intent);
  if (transitionProblem(from, to, session.user.role)) throw new ApplicationNotEditable(from ?? to);

  // Household and application share the region of the site they point at.
  const regionId = site.regionId;
  const household = {
    id: householdId,
    regionId,
    registeredBy: storedHousehold?.registeredBy ?? session.user.id,
    ...householdFieldsFrom(values),
  };
  const moves = from !== to;
  const application = {
    id: applicationId,
    regionId,
    householdId,
    ...applicationFieldsFrom(values),
    status: to,
    submittedAt: moves && to !== 'draft' ? now.toISOString() : (storedApplication?.submittedAt ?? null),
    decisionNote: storedApplication?.decisionNote ?? null,
    offeredUnitId: storedApplication?.offeredUnitId ?? null,
    createdBy: storedApplication?.createdBy ?? session.user.id,
  } satisfies Partial<Application>;
  const problems = [...checkRecord('households', household), ...checkRecord('applications', application)];
  if (problems.length > 0) return { ok: false, problems: fromFieldProblems(problems) };

  const householdChanges = changedFields(storedHousehold, household);
  if (Object.keys(householdChanges).length > 0) savedOrThrow(await saveRecord(db, 'households', householdId, householdChanges, now), 'Household');
  const applicationChanges = changedFields(storedApplication, application);
  if (Object.keys(applicationChanges).length > 0) savedOrThrow(await saveRecord(db, 'applications', applicationId, applicationChanges, now), 'Application');
  if (moves && to !== 'draft') {
    const event = await saveRecord(
      db,
      'applicationEvents',
      undefined,
      {
        regionId,
        applicationId,
        fromStatus: from,
        toStatus: to,
        comment: draft.comment.trim(),
        fieldComments: {},
        actorId: session.user.id,
        actorName: session.user.displayName,
        at: now.toISOString(),
      },
      now,
    );
    savedOrThrow(event, 'Application event');
  }
  for (const kind of documentKinds) {
    const before = (await readAttachmentsOf(db, { householdId }, { kind })).map(capturedPhotoOf);
    await updateAttachments(db, { owner: { householdId }, regionId, kind }, before, values.photos[kind]);
  }
  return { ok: true, applicationId, status: to };
}

/** Submits a saved draft application as it stands (the application screen's "Ajukan"). */
export async function submitDraftApplication(db: LocalDb, applicationId: string, session: Session, now = new Date()): Promise<{ ok: boolean }> {
  const application = await db.applications.get(applicationId);
  if (!application || application.deleted) return { ok: false };
  if (application.status !== 'draft' || transitionProblem('draft', 'submitted', session.user.role)) throw new ApplicationNotEditable(application.status);
  const submitted = await saveRecord(db, 'applications', applicationId, { status: 'submitted', submittedAt: now.toISOString() }, now);
  if (!submitted.ok) return { ok: false };
  const event = await saveRecord(
    db,
    'applicationEvents',
    undefined,
    {
      regionId: application.regionId,
      applicationId,
      fromStatus: 'draft',
      toStatus: 'submitted',
      comment: '',
      fieldComments: {},
      actorId: session.user.id,
      actorName: session.user.displayName,
      at: now.toISOString(),
    },
    now,
  );
  savedOrThrow(event, 'Application event');
  return { ok: true };
}
