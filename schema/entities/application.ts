import { defineEntity } from '../entity';
import { f } from '../field';
import { applicationStatuses, officerEditableStatuses, transitionProblem, type ApplicationStatus } from '../domain/application-lifecycle';

/** The office's decisions: a field officer never sets them, in any status. */
const officeFields = ['decisionNote', 'offeredUnitId'] as const;

/**
 * A household's application to a site. Its status follows the lifecycle in
 * domain/application-lifecycle.ts; every move is also kept as an application event (who, when,
 * the comment, and for a return the comments on the fields to fix).
 */
export const application = defineEntity({
  name: 'applications',
  fields: {
    id: f.id(),
    regionId: f.ref('regions'),
    householdId: f.ref('households'),
    siteId: f.ref('sites'),
    status: f.oneOf(applicationStatuses),
    /** Device time of the (last) submission: shown to people, used to order the review queue. */
    submittedAt: f.timestamp().nullable(),
    /** Why it was rejected or waitlisted; required for a rejection. */
    decisionNote: f.text(1000).nullable(),
    offeredUnitId: f.ref('units').nullable(),
    /** The applicant's own words on their housing need (optional). */
    statement: f.text(2000),
    createdBy: f.text(64),
  },
  regionField: 'regionId',
  synced: true,
  writableBy: ['field_officer', 'office_staff', 'admin'],
  writeRule: ({ role, op, before, after }) => {
    const from = (before?.status ?? null) as ApplicationStatus | null;
    // An application that left the officer's hands is withdrawn by a decision, never deleted by her.
    if (op === 'delete') {
      return role === 'field_officer' && from !== 'draft'
        ? { code: 'application_locked', message: `The application is ${from}; only a draft can be deleted` }
        : null;
    }
    const to = after.status as ApplicationStatus;
    const problem = transitionProblem(from, to, role);
    if (problem) return { code: problem, message: `A ${role} may not move an application from ${from ?? 'nothing'} to ${to}` };
    if (role === 'field_officer') {
      const changed = (field: string) => JSON.stringify(after[field] ?? null) !== JSON.stringify(before?.[field] ?? null);
      if (officeFields.some(changed)) return { code: 'role_forbidden', message: 'Only the office writes a decision note or offers a unit' };
      // Once submitted, nothing changes until the office returns it: not the content, and not
      // submittedAt either (it orders the review queue).
      if (from !== null && !officerEditableStatuses.includes(from) && Object.keys(after).some(changed)) {
        return { code: 'application_locked', message: `The application is ${from}; the office must return it before it changes` };
      }
    }
    if (to === 'rejected' && !String(after.decisionNote ?? '').trim()) {
      return { code: 'reason_required', message: 'A rejection needs a reason' };
    }
    if (to === 'unit_offered' && !after.offeredUnitId) return { code: 'unit_required', message: 'An offer names a unit' };
    return null;
  },
});
