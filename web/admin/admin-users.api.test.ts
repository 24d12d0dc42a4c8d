import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../api/test-support/test-server';
import { LocalDb } from '../../worker';
import { callApi, readServerCopy, refreshServerCopy } from '../server-copy/server-copy';
import { keepUserInCopy, parseRevoked, parseUser, parseUsers, problemsOf, userPath, usersCopyKey, usersPath } from './admin-users';

// The screen's fetch code against the real administration API (real SQLite, real HTTP).
let server: TestServer;
let http: { baseUrl: string; close: () => Promise<void> };
let db: LocalDb;
let adminId: string;
let regionId: string;

beforeAll(async () => {
  server = await createTestServer();
  http = await server.listen();
});
afterAll(async () => {
  await http.close();
  server.close();
});

beforeEach(async () => {
  db = new LocalDb(`admin-users-api-${Math.random()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  const login = await server.login('admin');
  adminId = login.user.id;
  regionId = login.user.regionIds[0] ?? '';
  await db.setMeta('session', { ...login, deviceId: 'device-admin' });
});
afterEach(() => db.close());

async function refusal(request: Parameters<typeof callApi>[2]) {
  const result = await callApi(db, http.baseUrl, request);
  if (result.ok) throw new Error('expected a refusal');
  return problemsOf(result.failure);
}

const newUser = (overrides: Record<string, unknown> = {}) => ({ username: `siti.${Math.floor(Math.random() * 1e9)}`, displayName: 'Siti Rahma', role: 'field_officer', regionIds: [regionId], password: 'rahasia123', ...overrides });

describe('users administration against the API', () => {
  it('fetches the list and keeps it on the device', async () => {
    const result = await refreshServerCopy(db, http.baseUrl, usersCopyKey, { path: usersPath, parse: parseUsers });
    expect(result.ok).toBe(true);
    const copy = await readServerCopy(db, usersCopyKey, parseUsers);
    expect(copy?.value.map((u) => u.username)).toEqual(expect.arrayContaining(['admin', 'kantor', 'petugas']));
  });

  it('tells each field what the server found wrong with it', async () => {
    expect(await refusal({ method: 'POST', path: usersPath, body: newUser({ username: 'Siti Rahma', password: 'pendek' }), parse: parseUser })).toEqual({
      fields: { username: 'usernameFormat', password: 'passwordTooShort' },
      form: null,
    });
    expect(await refusal({ method: 'POST', path: usersPath, body: newUser({ username: 'petugas' }), parse: parseUser })).toEqual({ fields: { username: 'usernameTaken' }, form: null });
    expect(await refusal({ method: 'POST', path: usersPath, body: newUser({ regionIds: ['019a0000-0000-7000-8000-000000000000'] }), parse: parseUser })).toEqual({
      fields: { regionIds: 'unknownRegion' },
      form: null,
    });
    expect(await refusal({ method: 'POST', path: usersPath, body: newUser({ displayName: '' }), parse: parseUser })).toEqual({ fields: { displayName: 'required' }, form: null });
    expect(await refusal({ method: 'POST', path: `${userPath(adminId)}/password`, body: { password: 'x' }, parse: parseRevoked })).toEqual({
      fields: { password: 'passwordTooShort' },
      form: null,
    });
  });

  it('an administrator cannot lock themself out; a user that is gone says so', async () => {
    expect(await refusal({ method: 'PATCH', path: userPath(adminId), body: { active: false }, parse: parseUser })).toEqual({ fields: {}, form: 'selfLockout' });
    expect(await refusal({ method: 'PATCH', path: userPath('019a0000-0000-7000-8000-000000000000'), body: { active: false }, parse: parseUser })).toEqual({ fields: {}, form: 'userGone' });
  });

  it('creates, changes, resets and ends sessions; the kept list shows the change at once', async () => {
    await refreshServerCopy(db, http.baseUrl, usersCopyKey, { path: usersPath, parse: parseUsers });
    const created = await callApi(db, http.baseUrl, { method: 'POST', path: usersPath, body: newUser(), parse: parseUser });
    if (!created.ok) throw new Error(JSON.stringify(created.failure));
    await keepUserInCopy(db, created.value);
    expect((await readServerCopy(db, usersCopyKey, parseUsers))?.value.find((u) => u.id === created.value.id)?.active).toBe(true);

    const deactivated = await callApi(db, http.baseUrl, { method: 'PATCH', path: userPath(created.value.id), body: { active: false, role: 'office_staff' }, parse: parseUser });
    if (!deactivated.ok) throw new Error(JSON.stringify(deactivated.failure));
    await keepUserInCopy(db, deactivated.value);
    expect((await readServerCopy(db, usersCopyKey, parseUsers))?.value.find((u) => u.id === created.value.id)).toMatchObject({ active: false, role: 'office_staff' });

    const officer = await server.login('petugas');
    const officerId = officer.user.id;
    const reset = await callApi(db, http.baseUrl, { method: 'POST', path: `${userPath(officerId)}/password`, body: { password: 'petugas123' }, parse: parseRevoked });
    expect(reset).toEqual({ ok: true, value: expect.any(Number) });
    expect(reset.ok && reset.value).toBeGreaterThanOrEqual(1);
    await server.login('petugas');
    const revoked = await callApi(db, http.baseUrl, { method: 'POST', path: `${userPath(officerId)}/revoke-sessions`, body: {}, parse: parseRevoked });
    expect(revoked).toEqual({ ok: true, value: 1 });
  });

  it('office staff are refused: the answer says so and no copy is kept', async () => {
    const staff = await server.login('kantor');
    await db.setMeta('session', { ...staff, deviceId: 'device-kantor' });
    const result = await refreshServerCopy(db, http.baseUrl, usersCopyKey, { path: usersPath, parse: parseUsers });
    expect(result).toEqual({ ok: false, failure: { kind: 'forbidden' } });
    expect(await readServerCopy(db, usersCopyKey, parseUsers)).toBeNull();
  });
});
