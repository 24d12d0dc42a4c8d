import { conflict as conflictEntity, entityByName, type Conflict, type SessionUser } from '../schema';

/**
 * Whether this user may decide conflicts: the roles that may write conflict records (S14).
 * Field officers receive them too, but only to read.
 */
export function mayResolveConflicts(user: SessionUser): boolean {
  return conflictEntity.writableBy.includes(user.role);
}

/**
 * The lost value can be put back only into a field of a record of a synced entity. Here rather
 * than beside restoreLostValue, so that the header's check does not bring the write path into
 * the first load.
 */
export function canRestore(conflict: Conflict): boolean {
  return conflict.field !== '*' && entityByName(conflict.entity)?.synced === true;
}

/** Restoring is an edit of the record itself, so the user must also be allowed to change that. */
export function mayRestore(user: SessionUser, conflict: Conflict): boolean {
  return mayResolveConflicts(user) && canRestore(conflict) && entityByName(conflict.entity)?.writableBy.includes(user.role) === true;
}
