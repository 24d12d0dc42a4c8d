import { syncedEntityWriters, type Conflict, type Role, type SessionUser } from '../schema';

// Who may write what comes from the generated table (schema/generated/), not from the entity
// definitions: the header asks on every screen, and the definitions would bring zod into the
// first load.
const writersOf = (entity: string): readonly Role[] | undefined =>
  Object.hasOwn(syncedEntityWriters, entity) ? syncedEntityWriters[entity as keyof typeof syncedEntityWriters] : undefined;

/**
 * Whether this user may decide conflicts: the roles that may write conflict records (S14).
 * Field officers receive them too, but only to read.
 */
export function mayResolveConflicts(user: SessionUser): boolean {
  return syncedEntityWriters.conflicts.includes(user.role);
}

/**
 * The lost value can be put back only into a field of a record of a synced entity. Here rather
 * than beside restoreLostValue, so that the header's check does not bring the write path into
 * the first load.
 */
export function canRestore(conflict: Conflict): boolean {
  // An application's lost decision is not put back as a bare field: the office decides again on
  // the review screen, which records the move as an event (S28).
  return conflict.field !== '*' && conflict.entity !== 'applications' && writersOf(conflict.entity) !== undefined;
}

/** Restoring is an edit of the record itself, so the user must also be allowed to change that. */
export function mayRestore(user: SessionUser, conflict: Conflict): boolean {
  return mayResolveConflicts(user) && canRestore(conflict) && writersOf(conflict.entity)?.includes(user.role) === true;
}
