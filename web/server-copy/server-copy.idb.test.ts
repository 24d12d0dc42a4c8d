import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LocalDb } from '../../worker';
import { callApi, readServerCopy, refreshServerCopy, writeServerCopy, type ParseAnswer } from './server-copy';

let db: LocalDb;
const session = {
  token: 'token-1',
  expiresAt: '2099-01-01T00:00:00.000Z',
  deviceId: 'device-1',
  user: { id: 'u1', username: 'kantor', displayName: 'Kantor', role: 'office_staff' as const, regionIds: [] },
};

beforeEach(async () => {
  db = new LocalDb('server-copy-test', { indexedDB: new IDBFactory(), IDBKeyRange });
  await db.setMeta('session', session);
});
afterEach(() => {
  db.close();
  vi.unstubAllGlobals();
});

const parseNames: ParseAnswer<string[]> = (body) =>
  body && typeof body === 'object' && Array.isArray((body as { names?: unknown }).names) ? ((body as { names: string[] }).names) : null;
const request = { path: '/api/names', parse: parseNames };
const at = (iso: string) => () => new Date(iso);

function answer(status: number, body: unknown) {
  return vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));
}

describe('a server-only answer kept in the meta store', () => {
  it('is written with its fetch time and read back', async () => {
    const fetch = answer(200, { names: ['Siti', 'Budi'] });
    vi.stubGlobal('fetch', fetch);
    const result = await refreshServerCopy(db, 'https://hunian.test', 'test:names', request, at('2026-11-20T08:00:00.000Z'));
    expect(result).toEqual({ ok: true, value: { fetchedAt: '2026-11-20T08:00:00.000Z', value: ['Siti', 'Budi'] } });
    expect(await readServerCopy(db, 'test:names', parseNames)).toEqual({ fetchedAt: '2026-11-20T08:00:00.000Z', value: ['Siti', 'Budi'] });
    // The session's token goes with the request.
    expect(fetch).toHaveBeenCalledWith('https://hunian.test/api/names', expect.objectContaining({ method: 'GET', headers: { authorization: 'Bearer token-1' } }));
    // The sync engine's own keys are untouched.
    expect((await db.getMeta('session'))?.token).toBe('token-1');
  });

  it('offline: says so and keeps the last copy as it was', async () => {
    await writeServerCopy(db, 'test:names', '2026-11-20T08:00:00.000Z', { names: ['Siti'] });
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    const result = await refreshServerCopy(db, 'https://hunian.test', 'test:names', request, at('2026-11-21T08:00:00.000Z'));
    expect(result).toEqual({ ok: false, failure: { kind: 'offline' } });
    expect(await readServerCopy(db, 'test:names', parseNames)).toEqual({ fetchedAt: '2026-11-20T08:00:00.000Z', value: ['Siti'] });
  });

  it('a server error or an answer of an unknown shape keeps the last copy too', async () => {
    await writeServerCopy(db, 'test:names', '2026-11-20T08:00:00.000Z', { names: ['Siti'] });
    vi.stubGlobal('fetch', answer(500, { error: 'internal', message: 'boom' }));
    expect(await refreshServerCopy(db, '', 'test:names', request)).toEqual({ ok: false, failure: { kind: 'server', status: 500 } });
    vi.stubGlobal('fetch', answer(200, { somethingElse: true }));
    expect(await refreshServerCopy(db, '', 'test:names', request)).toEqual({ ok: false, failure: { kind: 'server', status: 200 } });
    expect((await readServerCopy(db, 'test:names', parseNames))?.value).toEqual(['Siti']);
  });

  it('a record gone or no longer readable (404, 403) takes its copy away', async () => {
    for (const status of [404, 403]) {
      await writeServerCopy(db, 'test:names', '2026-11-20T08:00:00.000Z', { names: ['Siti'] });
      vi.stubGlobal('fetch', answer(status, { error: 'not_found', message: 'No such record' }));
      const result = await refreshServerCopy(db, '', 'test:names', request);
      expect(result.ok).toBe(false);
      expect(await readServerCopy(db, 'test:names', parseNames)).toBeNull();
    }
  });

  it('a copy stored in another shape (an older app version) reads as none', async () => {
    await writeServerCopy(db, 'test:names', '2026-11-20T08:00:00.000Z', { old: 1 });
    expect(await readServerCopy(db, 'test:names', parseNames)).toBeNull();
  });
});

describe('callApi', () => {
  it('signed out: no request at all', async () => {
    await db.meta.delete('session');
    const fetch = answer(200, { names: [] });
    vi.stubGlobal('fetch', fetch);
    expect(await callApi(db, '', request)).toEqual({ ok: false, failure: { kind: 'signedOut' } });
    expect(fetch).not.toHaveBeenCalled();
  });

  it('a refusal carries the server error code, message and details', async () => {
    vi.stubGlobal('fetch', answer(409, { error: 'username_taken', message: 'That username is taken' }));
    expect(await callApi(db, '', { method: 'POST', path: '/api/admin/users', body: { username: 'x' }, parse: () => ({}) })).toEqual({
      ok: false,
      failure: { kind: 'refused', status: 409, error: 'username_taken', message: 'That username is taken', details: undefined },
    });
    vi.stubGlobal('fetch', answer(401, { error: 'unauthorized', message: 'Session ended' }));
    expect(await callApi(db, '', request)).toEqual({ ok: false, failure: { kind: 'signedOut' } });
  });
});
