import { defineEntity } from '../entity';
import { f } from '../field';
import { applicationStatuses, officerEditableStatuses, transitionProblem, type ApplicationStatus } from '../domain/application-lifecycle';

/** Fields only the status moves and the office's decisions change. */
const decisionFields = new Set(['status', 'decisionNote', 'offeredUnitId', 'submittedAt']);

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
  writeRule: ({ role, before, after }) => {
    const from = (before?.status ?? null) as ApplicationStatus | null;
    const to = after.status as ApplicationStatus;
    const problem = transitionProblem(from, to, role);
    if (problem) return { code: problem, message: `A ${role} may not move an application from ${from ?? 'nothing'} to ${to}` };
    if (role === 'field_officer' && from !== null && !officerEditableStatuses.includes(from)) {
      const changed = Object.keys(after).filter((k) => !decisionFields.has(k) && JSON.stringify(after[k]) !== JSON.stringify(before?.[k]));
      if (changed.length > 0) return { code: 'application_locked', message: `The application is ${from}; the office must return it before it changes` };
    }
    if (to === 'rejected' && !String(after.decisionNote ?? '').trim()) {
      return { code: 'reason_required', message: 'A rejection needs a reason' };
    }
    if (to === 'unit_offered' && !after.offeredUnitId) return { code: 'unit_required', message: 'An offer names a unit' };
    return null;
  },
});
