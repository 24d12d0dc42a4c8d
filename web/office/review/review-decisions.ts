import {
  application as applicationEntity,
  applicationEvent as applicationEventEntity,
  lease as leaseEntity,
  systemFields,
  transitionProblem,
  uuidv7,
  type Application,
  type ApplicationStatus,
  type EntityDefinition,
  type FieldProblem,
} from '../../../schema';
import { saveRecord, type LocalDb, type Session } from '../../../worker';

/** A decision's outcome; a refusal names the field to fix, shown beside it in the user's language. */
export type DecisionResult = { ok: true } | { ok: false; problems: FieldProblem[] };

/** The office's plain decisions: each one a status move with a note and, for a return, field comments. */
export type Decision =
  | { to: 'under_review'; comment?: string }
  | { to: 'approved'; comment?: string }
  | { to: 'rejected'; reason: string }
  | { to: 'waitlisted'; note?: string }
  | { to: 'returned'; comment?: string; fieldComments: Record<string, string> };

export interface LeaseTerms {
  agreementNumber: string;
  startDate: string;
  endDate: string;
  monthlyRent: number;
  deposit: number;
}

class Refused extends Error {
  constructor(readonly problems: FieldProblem[]) {
    super(`refused: ${problems.map((p) => `${p.field} ${p.code}`).join(', ')}`);
  }
}

function ownFields(record: Record<string, unknown>): Record<string, unknown> {
  const own = { ...record };
  for (const name of Object.keys(systemFields)) delete own[name];
  return own;
}

/** The entity's domain rule, asked before the write, as the server will ask it (decision 011). */
function ruleProblem(entity: Pick<EntityDefinition, 'writeRule'>, session: Session, before: Record<string, unknown> | null, after: Record<string, unknown>, field: string) {
  const violation = entity.writeRule?.({ role: session.user.role, op: 'upsert', before, after });
  if (violation) throw new Refused([{ field, code: violation.code }]);
}

async function saved(result: ReturnType<typeof saveRecord>) {
  const answer = await result;
  if (!answer.ok) throw new Refused(answer.problems);
  return answer.id;
}

interface Move {
  application: Application;
  to: ApplicationStatus;
  changes: Partial<Application>;
  comment: string;
  fieldComments: Record<string, string>;
  /** Where a refusal of the rule is shown: the reason's field for a rejection, say. */
  ruleField: string;
}

/**
 * Writes a status move: the application and its event, each an outbox entry. Runs inside the
 * caller's transaction; throws Refused (which rolls the transaction back) on any refusal.
 */
async function writeMove(db: LocalDb, session: Session, move: Move, now: Date) {
  const { application, to } = move;
  const before = ownFields(application);
  const after = { ...before, ...move.changes, status: to };
  ruleProblem(applicationEntity, session, before, after, move.ruleField);
  const event = {
    regionId: application.regionId,
    applicationId: application.id,
    fromStatus: application.status,
    toStatus: to,
    comment: move.comment,
    fieldComments: move.fieldComments,
    actorId: session.user.id,
    actorName: session.user.displayName,
    at: now.toISOString(),
  };
  ruleProblem(applicationEventEntity, session, null, event, move.ruleField);
  await saved(saveRecord(db, 'applications', application.id, { ...move.changes, status: to }, now));
  await saved(saveRecord(db, 'applicationEvents', undefined, event, now));
}

/**
 * Runs a decision in ONE Dexie transaction over every store it may touch: a refusal anywhere
 * (a rule, a validator, a unit no longer free) leaves the application, its events, the unit,
 * the lease and the outbox exactly as they were.
 */
async function inOneTransaction(db: LocalDb, applicationId: string, to: ApplicationStatus, session: Session, work: (application: Application) => Promise<void>): Promise<DecisionResult> {
  try {
    await db.transaction('rw', [db.applications, db.applicationEvents, db.units, db.leases, db.outbox, db.shadows, db.meta], async () => {
      const application = await db.applications.get(applicationId);
      if (!application || application.deleted) throw new Refused([{ field: 'applicationId', code: 'record_not_found' }]);
      // The screen offered the move for the status it showed; a sync may have moved it since.
      const problem = transitionProblem(application.status, to, session.user.role);
      if (problem || application.status === to) throw new Refused([{ field: 'status', code: problem ?? 'invalid_transition' }]);
      await work(application);
    });
  } catch (error) {
    if (error instanceof Refused) return { ok: false, problems: error.problems };
    throw error;
  }
  return { ok: true };
}

const trimmedComments = (comments: Record<string, string>) =>
  Object.fromEntries(
    Object.entries(comments)
      .map(([field, text]) => [field, text.trim()] as const)
      .filter(([, text]) => text !== ''),
  );

/** Approves, rejects (a reason is required), waitlists, returns for correction, or marks under review. */
export function decide(db: LocalDb, applicationId: string, decision: Decision, session: Session, now = new Date()): Promise<DecisionResult> {
  return inOneTransaction(db, applicationId, decision.to, session, async (application) => {
    switch (decision.to) {
      case 'rejected': {
        const reason = decision.reason.trim();
        // Checked here, not only by the rule, so that the problem lands on the reason's field.
        if (!reason) throw new Refused([{ field: 'decisionNote', code: 'reason_required' }]);
        await writeMove(db, session, { application, to: 'rejected', changes: { decisionNote: reason }, comment: reason, fieldComments: {}, ruleField: 'decisionNote' }, now);
        return;
      }
      case 'waitlisted': {
        const note = decision.note?.trim() ?? '';
        await writeMove(db, session, { application, to: 'waitlisted', changes: { decisionNote: note || null }, comment: note, fieldComments: {}, ruleField: 'decisionNote' }, now);
        return;
      }
      case 'returned': {
        const fieldComments = trimmedComments(decision.fieldComments);
        const comment = decision.comment?.trim() ?? '';
        if (!comment && Object.keys(fieldComments).length === 0) throw new Refused([{ field: 'fieldComments', code: 'comment_required' }]);
        await writeMove(db, session, { application, to: 'returned', changes: {}, comment, fieldComments, ruleField: 'fieldComments' }, now);
        return;
      }
      case 'approved': {
        // Back to approved from an offer is declineOffer's move: it must release the unit too.
        if (application.status === 'unit_offered') throw new Refused([{ field: 'status', code: 'invalid_transition' }]);
        const comment = decision.comment?.trim() ?? '';
        // An earlier waitlisting's note no longer describes the application.
        await writeMove(db, session, { application, to: 'approved', changes: { decisionNote: comment || null }, comment, fieldComments: {}, ruleField: 'decisionNote' }, now);
        return;
      }
      case 'under_review':
        await writeMove(db, session, { application, to: 'under_review', changes: {}, comment: decision.comment?.trim() ?? '', fieldComments: {}, ruleField: 'status' }, now);
        return;
    }
  });
}

/** Offers a vacant unit of the application's site: the application names it, the unit is reserved. */
export function offerUnit(db: LocalDb, applicationId: string, unitId: string, session: Session, now = new Date(), comment = ''): Promise<DecisionResult> {
  return inOneTransaction(db, applicationId, 'unit_offered', session, async (application) => {
    const unit = await db.units.get(unitId);
    if (!unit || unit.deleted || unit.siteId !== application.siteId) throw new Refused([{ field: 'unitId', code: 'unit_not_in_site' }]);
    // Another reviewer's offer may have reached the device since the list was drawn.
    if (unit.status !== 'available') throw new Refused([{ field: 'unitId', code: 'unit_not_available' }]);
    await writeMove(db, session, { application, to: 'unit_offered', changes: { offeredUnitId: unit.id }, comment: comment.trim(), fieldComments: {}, ruleField: 'unitId' }, now);
    await saved(saveRecord(db, 'units', unit.id, { status: 'reserved' }, now));
  });
}

/** The household declined the offered unit: back to approved (to offer another), the unit free again. */
export function declineOffer(db: LocalDb, applicationId: string, session: Session, now = new Date(), comment = ''): Promise<DecisionResult> {
  return inOneTransaction(db, applicationId, 'approved', session, async (application) => {
    if (application.status !== 'unit_offered') throw new Refused([{ field: 'status', code: 'invalid_transition' }]);
    const unit = application.offeredUnitId ? await db.units.get(application.offeredUnitId) : undefined;
    await writeMove(db, session, { application, to: 'approved', changes: { offeredUnitId: null }, comment: comment.trim(), fieldComments: {}, ruleField: 'status' }, now);
    // Only a unit still held for this offer is released: one occupied or under repair since stays so.
    if (unit && !unit.deleted && unit.status === 'reserved') await saved(saveRecord(db, 'units', unit.id, { status: 'available' }, now));
  });
}

/**
 * Signs the lease of the offered unit: a lease record (active), the unit occupied, the
 * application lease_signed. Returns the lease's id with the answer.
 */
export async function signLease(db: LocalDb, applicationId: string, terms: LeaseTerms, session: Session, now = new Date()): Promise<DecisionResult & { leaseId?: string }> {
  const leaseId = uuidv7(now.getTime());
  const result = await inOneTransaction(db, applicationId, 'lease_signed', session, async (application) => {
    const unit = application.offeredUnitId ? await db.units.get(application.offeredUnitId) : undefined;
    if (!unit || unit.deleted) throw new Refused([{ field: 'unitId', code: 'unit_required' }]);
    if (unit.status !== 'reserved' && unit.status !== 'available') throw new Refused([{ field: 'unitId', code: 'unit_not_available' }]);
    const lease = {
      id: leaseId,
      regionId: unit.regionId,
      agreementNumber: terms.agreementNumber.trim(),
      householdId: application.householdId,
      unitId: unit.id,
      applicationId: application.id,
      startDate: terms.startDate,
      endDate: terms.endDate,
      monthlyRent: terms.monthlyRent,
      deposit: terms.deposit,
      status: 'active' as const,
    };
    ruleProblem(leaseEntity, session, null, lease, 'endDate');
    await saved(saveRecord(db, 'leases', leaseId, lease, now));
    await saved(saveRecord(db, 'units', unit.id, { status: 'occupied' }, now));
    await writeMove(db, session, { application, to: 'lease_signed', changes: {}, comment: '', fieldComments: {}, ruleField: 'status' }, now);
  });
  return result.ok ? { ok: true, leaseId } : result;
}

/** A suggested agreement number: the unit's code, the year and a short piece of the application id. */
export function suggestedAgreementNumber(unitCode: string, applicationId: string, today: string): string {
  return `${unitCode}/${today.slice(0, 4)}/${applicationId.replace(/-/g, '').slice(-6).toUpperCase()}`.slice(0, 40);
}

/** One year on, the day before the same date ('2026-11-26' → '2027-11-25'), as a lease runs. */
export function oneYearLater(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const end = new Date(Date.UTC(y + 1, m - 1, d - 1));
  return end.toISOString().slice(0, 10);
}
