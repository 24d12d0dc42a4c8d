import { z } from 'zod';
import { defineEntity } from '../entity';
import { f } from '../field';
import { applicationStatuses, transitionProblem, type ApplicationStatus } from '../domain/application-lifecycle';

/**
 * One status move of an application: who, when (device time), from what to what, and why. Events
 * are only ever added, so two people's moves never overwrite each other. A return for correction
 * carries comments keyed by the application or household field they concern.
 */
export const applicationEvent = defineEntity({
  name: 'applicationEvents',
  fields: {
    id: f.id(),
    regionId: f.ref('regions'),
    applicationId: f.ref('applications'),
    fromStatus: f.oneOf(applicationStatuses).nullable(),
    toStatus: f.oneOf(applicationStatuses),
    comment: f.text(1000),
    /** Field name (e.g. "headIncome") → what to fix there. */
    fieldComments: f.json(z.record(z.string().max(64), z.string().trim().min(1).max(500))),
    actorId: f.text(64),
    actorName: f.text(120),
    at: f.timestamp(),
  },
  regionField: 'regionId',
  synced: true,
  writableBy: ['field_officer', 'office_staff', 'admin'],
  writeRule: ({ role, op, before, after }) => {
    if (op === 'delete' || before !== null) return { code: 'append_only', message: 'An application event cannot be changed or deleted' };
    const problem = transitionProblem(after.fromStatus as ApplicationStatus | null, after.toStatus as ApplicationStatus, role);
    if (problem) return { code: problem, message: `A ${role} may not record this move` };
    const hasComment = String(after.comment).trim() !== '' || Object.keys(after.fieldComments as object).length > 0;
    if ((after.toStatus === 'rejected' || after.toStatus === 'returned') && !hasComment) {
      return { code: 'reason_required', message: 'A rejection or a return needs a comment' };
    }
    return null;
  },
});
