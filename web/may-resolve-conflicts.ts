import { conflict as conflictEntity, entityByName, type Conflict, type SessionUser } from '../schema';
import { canRestore } from './actions/resolve-conflict';

/**
 * Whether this user may decide conflicts: the roles that may write conflict records (S14).
 * Field officers receive them too, but only to read.
 */
export function mayResolveConflicts(user: SessionUser): boolean {
  return conflictEntity.writableBy.includes(user.role);
}

/** Restoring is an edit of the record itself, so the user must also be allowed to change that. */
export function mayRestore(user: SessionUser, conflict: Conflict): boolean {
  return mayResolveConflicts(user) && canRestore(conflict) && entityByName(conflict.entity)?.writableBy.includes(user.role) === true;
}
