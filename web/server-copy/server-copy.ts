import type { Table } from 'dexie';
import type { LocalDb } from '../../worker';

/**
 * Records that live on the server only (users, the health of devices, a record's history) are
 * fetched online and kept in the `meta` store as the last copy, with the time it was fetched. A
 * screen renders from that copy (a live query), so it shows what it had offline too and says how
 * old it is. The keys (`office:devices`, `history:units:<id>`...) never meet the sync engine's
 * own meta keys, and signing in as someone else clears the meta store (worker/sign-in.ts).
 */
export interface ServerCopy<T> {
  /** When the server gave this answer (ISO instant, the device's clock). */
  fetchedAt: string;
  value: T;
}

/** As stored: the server's answer as it came, parsed again when read (an older app may have stored it). */
interface ServerCopyRow {
  key: string;
  value: { fetchedAt: string; answer: unknown };
}

/** Checks an answer (from the server, or a copy an older app version stored): null when it is not of the expected shape. */
export type ParseAnswer<T> = (body: unknown) => T | null;

// A view of the meta store for these keys only: the typed view (LocalDb.getMeta) names the sync
// engine's keys, and these are not its business.
const copies = (db: LocalDb): Table<ServerCopyRow, string> => db.table('meta');

export async function readServerCopy<T>(db: LocalDb, key: string, parse: ParseAnswer<T>): Promise<ServerCopy<T> | null> {
  const row = await copies(db).get(key);
  if (!row || typeof row.value?.fetchedAt !== 'string') return null;
  const value = parse(row.value.answer);
  return value === null ? null : { fetchedAt: row.value.fetchedAt, value };
}

/** Keeps the server's answer (as it came, not yet parsed) as the copy under `key`. */
export async function writeServerCopy(db: LocalDb, key: string, fetchedAt: string, answer: unknown): Promise<void> {
  await copies(db).put({ key, value: { fetchedAt, answer } });
}

export async function deleteServerCopy(db: LocalDb, key: string): Promise<void> {
  await copies(db).delete(key);
}

/** Why a call to the server gave no answer to use. */
export type ApiFailure =
  /** No network (or the server did not answer at all). */
  | { kind: 'offline' }
  /** Nobody is signed in, or the server ended the session. */
  | { kind: 'signedOut' }
  | { kind: 'forbidden' }
  | { kind: 'notFound' }
  /** The server refused the request, and said why (`{error, message, details}`). */
  | { kind: 'refused'; status: number; error: string; message: string; details?: unknown }
  /** The server failed, or answered in a shape this app does not know. */
  | { kind: 'server'; status: number };

export type ApiResult<T> = { ok: true; value: T } | { ok: false; failure: ApiFailure };

function refusal(status: number, body: unknown): ApiFailure {
  if (status === 401) return { kind: 'signedOut' };
  if (status === 403) return { kind: 'forbidden' };
  if (status === 404) return { kind: 'notFound' };
  if (status >= 400 && status < 500 && body && typeof body === 'object') {
    const { error, message, details } = body as Record<string, unknown>;
    if (typeof error === 'string') return { kind: 'refused', status, error, message: typeof message === 'string' ? message : error, details };
  }
  return { kind: 'server', status };
}

/** Calls the API with the session's token; every way it can go wrong is an answer, never a throw. */
export async function callApi<T>(
  db: LocalDb,
  baseUrl: string,
  request: { method?: 'GET' | 'POST' | 'PATCH'; path: string; body?: unknown; parse: ParseAnswer<T> },
): Promise<ApiResult<T>> {
  const result = await requestJson(db, baseUrl, request);
  if (!result.ok) return result;
  const value = request.parse(result.value.body);
  return value === null ? { ok: false, failure: { kind: 'server', status: result.value.status } } : { ok: true, value };
}

async function requestJson(
  db: LocalDb,
  baseUrl: string,
  request: { method?: 'GET' | 'POST' | 'PATCH'; path: string; body?: unknown },
): Promise<ApiResult<{ status: number; body: unknown }>> {
  const session = await db.getMeta('session');
  if (!session) return { ok: false, failure: { kind: 'signedOut' } };
  const headers: Record<string, string> = { authorization: `Bearer ${session.token}` };
  if (request.body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(`${baseUrl}${request.path}`, {
      method: request.method ?? 'GET',
      headers,
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
    });
  } catch {
    return { ok: false, failure: { kind: 'offline' } };
  }
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // An answer that is not JSON (a proxy's error page) is judged by its status alone.
  }
  if (!response.ok) return { ok: false, failure: refusal(response.status, body) };
  return { ok: true, value: { status: response.status, body } };
}

/**
 * Fetches a server-only answer and keeps it as the copy under `key`. A failure leaves the last
 * copy as it was (offline, the server down), except when the server says the record is gone or
 * not this user's to read: then the copy goes too.
 */
export async function refreshServerCopy<T>(
  db: LocalDb,
  baseUrl: string,
  key: string,
  request: { path: string; parse: ParseAnswer<T> },
  now: () => Date = () => new Date(),
): Promise<ApiResult<ServerCopy<T>>> {
  const result = await requestJson(db, baseUrl, { path: request.path });
  if (!result.ok) {
    if (result.failure.kind === 'notFound' || result.failure.kind === 'forbidden') await deleteServerCopy(db, key);
    return result;
  }
  const value = request.parse(result.value.body);
  // An answer this app cannot read must not replace a copy it can.
  if (value === null) return { ok: false, failure: { kind: 'server', status: result.value.status } };
  const fetchedAt = now().toISOString();
  await writeServerCopy(db, key, fetchedAt, result.value.body);
  return { ok: true, value: { fetchedAt, value } };
}
