import type { Role } from '../roles';

export const applicationStatuses = [
  'draft',
  'submitted',
  'under_review',
  'returned',
  'resubmitted',
  'approved',
  'rejected',
  'waitlisted',
  'unit_offered',
  'lease_signed',
] as const;
export type ApplicationStatus = (typeof applicationStatuses)[number];

const office: readonly Role[] = ['office_staff', 'admin'];
const anyone: readonly Role[] = ['field_officer', 'office_staff', 'admin'];

/**
 * Which status may follow which, and who may make the move. The field officer drafts, submits and
 * resubmits; the office reviews and decides. Written once, used by the server to refuse a move
 * (role_forbidden / invalid_transition) and by the screens to offer only allowed moves.
 */
const transitions: Record<ApplicationStatus, Partial<Record<ApplicationStatus, readonly Role[]>>> = {
  draft: { submitted: anyone },
  submitted: { under_review: office, returned: office, approved: office, rejected: office, waitlisted: office },
  under_review: { returned: office, approved: office, rejected: office, waitlisted: office },
  returned: { resubmitted: anyone },
  resubmitted: { under_review: office, returned: office, approved: office, rejected: office, waitlisted: office },
  waitlisted: { approved: office, rejected: office },
  approved: { unit_offered: office },
  // An offer the household declines goes back to approved, to offer another unit.
  unit_offered: { lease_signed: office, approved: office },
  rejected: {},
  lease_signed: {},
};

/** Statuses a new application may be created in (an officer may submit one made offline at once). */
export const initialStatuses: readonly ApplicationStatus[] = ['draft', 'submitted'];

/** Statuses in which the field officer may change what the application says. */
export const officerEditableStatuses: readonly ApplicationStatus[] = ['draft', 'returned'];

export function nextStatuses(from: ApplicationStatus, role: Role): ApplicationStatus[] {
  return Object.entries(transitions[from])
    .filter(([, roles]) => roles.includes(role))
    .map(([to]) => to as ApplicationStatus);
}

export type TransitionProblem = 'invalid_transition' | 'role_forbidden';

export function transitionProblem(from: ApplicationStatus | null, to: ApplicationStatus, role: Role): TransitionProblem | null {
  if (from === null) return initialStatuses.includes(to) ? null : 'invalid_transition';
  if (from === to) return null;
  const allowed = transitions[from][to];
  if (!allowed) return 'invalid_transition';
  return allowed.includes(role) ? null : 'role_forbidden';
}
