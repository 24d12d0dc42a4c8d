import { z } from 'zod';
import { adminUserSchema, roles, type AdminUser, type Region, type Role } from '../../schema';
import type { LocalDb } from '../../worker';
import { readServerCopy, writeServerCopy, type ApiFailure, type ParseAnswer } from '../server-copy/server-copy';

/** Where the last answer of GET /api/admin/users is kept on the device (meta store). */
export const usersCopyKey = 'admin:users';
export const usersPath = '/api/admin/users';
export const userPath = (id: string) => `/api/admin/users/${encodeURIComponent(id)}`;

const usersAnswer = z.object({ users: z.array(adminUserSchema) });
const userAnswer = z.object({ user: adminUserSchema });
const revokedAnswer = z.object({ revokedSessions: z.int() });

export const parseUsers: ParseAnswer<AdminUser[]> = (body) => {
  const parsed = usersAnswer.safeParse(body);
  return parsed.success ? parsed.data.users : null;
};
export const parseUser: ParseAnswer<AdminUser> = (body) => {
  const parsed = userAnswer.safeParse(body);
  return parsed.success ? parsed.data.user : null;
};
export const parseRevoked: ParseAnswer<number> = (body) => {
  const parsed = revokedAnswer.safeParse(body);
  return parsed.success ? parsed.data.revokedSessions : null;
};

/** Users as the list shows them: active ones first, then by name. */
export function sortUsers(users: readonly AdminUser[]): AdminUser[] {
  return [...users].sort((a, b) => Number(b.active) - Number(a.active) || a.displayName.localeCompare(b.displayName) || a.username.localeCompare(b.username));
}

/** A region's name as the list shows it; a region this device does not hold shows its id's end. */
export function regionNames(regionIds: readonly string[], regionsById: ReadonlyMap<string, Pick<Region, 'name'>>): string[] {
  return regionIds.map((id) => regionsById.get(id)?.name ?? `…${id.slice(-6)}`);
}

export type UserField = 'username' | 'displayName' | 'role' | 'regionIds' | 'password';

/** What can be wrong with one field, named for the words that say it (admin-messages.ts). */
export type FieldProblem =
  | 'required'
  | 'usernameTooShort'
  | 'usernameFormat'
  | 'usernameTaken'
  | 'tooLong'
  | 'passwordTooShort'
  | 'unknownRegion'
  | 'tooManyRegions'
  | 'invalid';

/** What is wrong with the whole request, when it is not one field. */
export type FormProblem = 'selfLockout' | 'userGone' | 'connection' | 'other';

export interface Problems {
  fields: Partial<Record<UserField, FieldProblem>>;
  form: FormProblem | null;
  /** The failure, for the words of 'other'. */
  failure?: ApiFailure;
}

export const minPasswordLength = 8;
const usernamePattern = /^[a-z0-9._-]+$/;
const userFields: readonly string[] = ['username', 'displayName', 'role', 'regionIds', 'password'];

function issueProblem(field: UserField, issue: { code?: unknown; message?: unknown }): FieldProblem {
  if (issue.message === 'password_too_short') return 'passwordTooShort';
  if (issue.message === 'username_format') return 'usernameFormat';
  if (issue.code === 'too_big') return field === 'regionIds' ? 'tooManyRegions' : 'tooLong';
  if (issue.code === 'too_small') return field === 'username' ? 'usernameTooShort' : field === 'password' ? 'passwordTooShort' : 'required';
  return 'invalid';
}

/**
 * The server's refusal (`{error, message, details}`) told field by field, so that each field can
 * show its own problem: the shape check's issues by path, a taken username, an unknown region.
 */
export function problemsOf(failure: ApiFailure): Problems {
  if (failure.kind === 'offline') return { fields: {}, form: 'connection' };
  if (failure.kind === 'notFound') return { fields: {}, form: 'userGone' };
  if (failure.kind !== 'refused') return { fields: {}, form: 'other', failure };
  switch (failure.error) {
    case 'username_taken':
      return { fields: { username: 'usernameTaken' }, form: null };
    case 'unknown_region':
      return { fields: { regionIds: 'unknownRegion' }, form: null };
    case 'self_lockout':
      return { fields: {}, form: 'selfLockout' };
    case 'invalid_request': {
      const issues = (failure.details as { issues?: { path?: unknown; code?: unknown; message?: unknown }[] } | undefined)?.issues ?? [];
      const fields: Problems['fields'] = {};
      for (const issue of issues) {
        // An issue inside the list of regions (regionIds.0) belongs to the list.
        const field = String(issue.path ?? '').split('.')[0] ?? '';
        if (userFields.includes(field)) fields[field as UserField] ??= issueProblem(field as UserField, issue);
      }
      return Object.keys(fields).length > 0 ? { fields, form: null } : { fields: {}, form: 'other', failure };
    }
    default:
      return { fields: {}, form: 'other', failure };
  }
}

export interface NewUserValues {
  username: string;
  displayName: string;
  role: Role | '';
  regionIds: string[];
  password: string;
}

/** The server's rules, checked before sending so that the common mistakes show at once, offline too. */
export function checkNewUser(values: NewUserValues): Problems['fields'] {
  const fields: Problems['fields'] = {};
  const username = values.username.trim();
  if (username === '') fields.username = 'required';
  else if (username.length < 3) fields.username = 'usernameTooShort';
  else if (username.length > 64) fields.username = 'tooLong';
  else if (!usernamePattern.test(username)) fields.username = 'usernameFormat';
  if (values.displayName.trim() === '') fields.displayName = 'required';
  else if (values.displayName.trim().length > 120) fields.displayName = 'tooLong';
  if (!roles.includes(values.role as Role)) fields.role = 'required';
  const password = checkPassword(values.password);
  if (password) fields.password = password;
  return fields;
}

export function checkPassword(password: string): FieldProblem | null {
  if (password === '') return 'required';
  if (password.length < minPasswordLength) return 'passwordTooShort';
  if (password.length > 200) return 'tooLong';
  return null;
}

/**
 * Puts a user the server just answered with into the kept list at once (a new one at the end), so
 * the list does not show the old role or status until the next fetch; the fetch time stays as it was.
 */
export async function keepUserInCopy(db: LocalDb, user: AdminUser): Promise<void> {
  const copy = await readServerCopy(db, usersCopyKey, parseUsers);
  if (!copy) return;
  const found = copy.value.some((u) => u.id === user.id);
  const users = found ? copy.value.map((u) => (u.id === user.id ? user : u)) : [...copy.value, user];
  await writeServerCopy(db, usersCopyKey, copy.fetchedAt, { users });
}
