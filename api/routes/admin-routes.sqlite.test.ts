import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, SCHEMA_VERSION, versionHeaders, type AdminUser, type PullResponse } from '../../schema';
import { createTestServer, type TestServer } from '../test-support/test-server';

// Administration and sessions through the real app on a real SQLite file (issue 5's users, issue 6's revocation).

let server: TestServer;
beforeEach(async () => {
  server = await createTestServer();
});
afterEach(() => server.close());

const versions = { [versionHeaders.protocol]: String(PROTOCOL_VERSION), [versionHeaders.schema]: String(SCHEMA_VERSION) };
const pull = (token: string) => server.request('/api/sync/pull?cursor=0&limit=1000', { headers: { authorization: `Bearer ${token}`, ...versions } });
const regionId = (name: string) => (server.sqlite.prepare('select id from regions where name = ?').get(name) as { id: string }).id;

async function adminToken() {
  return (await server.login('admin')).token;
}

async function users(token: string): Promise<AdminUser[]> {
  const response = await server.request('/api/admin/users', { headers: { authorization: `Bearer ${token}` } });
  expect(response.status).toBe(200);
  return ((await response.json()) as { users: AdminUser[] }).users;
}

describe('administration', () => {
  it('lists users without their password hashes, to administrators only', async () => {
    const list = await users(await adminToken());
    expect(list.map((u) => u.username)).toContain('petugas');
    expect(JSON.stringify(list)).not.toContain('scrypt');
    for (const name of ['petugas', 'kantor']) {
      const { token } = await server.login(name);
      const response = await server.request('/api/admin/users', { headers: { authorization: `Bearer ${token}` } });
      expect(response.status).toBe(403);
      expect(await response.json()).toMatchObject({ error: 'role_forbidden' });
    }
    expect((await server.request('/api/admin/users')).status).toBe(401);
  });

  it('creates a user who can sign in and sees only the assigned region', async () => {
    const token = await adminToken();
    const created = await server.json(
      'POST',
      '/api/admin/users',
      { username: 'petugas.semarang', displayName: 'Sri Wahyuni', role: 'field_officer', regionIds: [regionId('Kota Semarang')], password: 'rahasia-semarang' },
      token,
    );
    expect(created.status).toBe(201);
    const login = await server.login('petugas.semarang', 'rahasia-semarang');
    const page = (await (await pull(login.token)).json()) as PullResponse;
    const siteRegions = new Set(page.changes.filter((c) => c.entity === 'sites').map((c) => c.regionId));
    expect([...siteRegions]).toEqual([regionId('Kota Semarang')]);
  });

  it('refuses bad input with a clear 4xx and changes nothing', async () => {
    const token = await adminToken();
    const before = (await users(token)).length;
    const cases: [unknown, number, string][] = [
      [{ username: 'x', displayName: 'X', role: 'field_officer', regionIds: [], password: 'longenough' }, 400, 'invalid_request'],
      [{ username: 'baru', displayName: 'Baru', role: 'field_officer', regionIds: [], password: 'short' }, 400, 'invalid_request'],
      [{ username: 'baru', displayName: 'Baru', role: 'superuser', regionIds: [], password: 'longenough' }, 400, 'invalid_request'],
      [{ username: 'baru', displayName: 'Baru', role: 'field_officer', regionIds: ['0190d8a1-0000-7000-8000-000000000000'], password: 'longenough' }, 400, 'unknown_region'],
      [{ username: 'petugas', displayName: 'Dua', role: 'field_officer', regionIds: [], password: 'longenough' }, 409, 'username_taken'],
      ['{not json', 400, 'malformed_json'],
    ];
    for (const [body, status, error] of cases) {
      const response = await server.json('POST', '/api/admin/users', body, token);
      expect(response.status, JSON.stringify(body)).toBe(status);
      expect(await response.json()).toMatchObject({ error });
    }
    expect((await users(token)).length).toBe(before);
  });

  it('S6: a region assigned or taken away takes effect at the next pull', async () => {
    const token = await adminToken();
    const officer = (await users(token)).find((u) => u.username === 'petugas')!;
    const { token: officerToken } = await server.login('petugas');
    const regionsOf = async () =>
      new Set(((await (await pull(officerToken)).json()) as PullResponse).changes.filter((c) => c.entity === 'sites').map((c) => c.regionId));
    expect((await regionsOf()).has(regionId('Kota Semarang'))).toBe(false);

    const patched = await server.json('PATCH', `/api/admin/users/${officer.id}`, { regionIds: [...officer.regionIds, regionId('Kota Semarang')] }, token);
    expect(patched.status).toBe(200);
    expect((await regionsOf()).has(regionId('Kota Semarang'))).toBe(true);

    await server.json('PATCH', `/api/admin/users/${officer.id}`, { regionIds: officer.regionIds }, token);
    expect((await regionsOf()).has(regionId('Kota Semarang'))).toBe(false);
  });
});

describe('sessions', () => {
  it('revoking a user’s sessions makes the next sync answer 401, and a new sign-in works', async () => {
    const token = await adminToken();
    const officer = (await users(token)).find((u) => u.username === 'petugas')!;
    const { token: officerToken } = await server.login('petugas');
    expect((await pull(officerToken)).status).toBe(200);
    const revoked = await server.json('POST', `/api/admin/users/${officer.id}/revoke-sessions`, {}, token);
    expect(await revoked.json()).toEqual({ revokedSessions: 1 });
    expect((await pull(officerToken)).status).toBe(401);
    expect((await pull((await server.login('petugas')).token)).status).toBe(200);
  });

  it('deactivating a user ends their sessions and refuses their sign-in; an admin cannot lock themself out', async () => {
    const token = await adminToken();
    const all = await users(token);
    const officer = all.find((u) => u.username === 'petugas')!;
    const { token: officerToken } = await server.login('petugas');
    expect((await server.json('PATCH', `/api/admin/users/${officer.id}`, { active: false }, token)).status).toBe(200);
    expect((await pull(officerToken)).status).toBe(401);
    const signIn = await server.json('POST', '/api/auth/login', { username: 'petugas', password: 'petugas123' });
    expect(signIn.status).toBe(401);

    const admin = all.find((u) => u.username === 'admin')!;
    const self = await server.json('PATCH', `/api/admin/users/${admin.id}`, { active: false }, token);
    expect(self.status).toBe(409);
    expect((await pull(token)).status).toBe(200);
  });

  it('a password reset ends the old sessions and the new password signs in', async () => {
    const token = await adminToken();
    const officer = (await users(token)).find((u) => u.username === 'petugas')!;
    const { token: officerToken } = await server.login('petugas');
    const reset = await server.json('POST', `/api/admin/users/${officer.id}/password`, { password: 'kata-sandi-baru' }, token);
    expect(await reset.json()).toEqual({ revokedSessions: 1 });
    expect((await pull(officerToken)).status).toBe(401);
    await expect(server.login('petugas')).rejects.toThrow(/401/);
    expect((await server.login('petugas', 'kata-sandi-baru')).token).toBeTruthy();
  });

  it('a password stored before the pepper signs in and is stored peppered from then on', async () => {
    const { legacyPasswordHash } = await import('../auth/password');
    server.sqlite.prepare('update users set password_hash = ? where username = ?').run(legacyPasswordHash('petugas123'), 'petugas');
    await server.login('petugas');
    const { password_hash: stored } = server.sqlite.prepare('select password_hash from users where username = ?').get('petugas') as { password_hash: string };
    expect(stored).toMatch(/^scrypt-hmac\$/);
    await server.login('petugas');
  });

  it('sign-out ends only that session', async () => {
    const first = await server.login('petugas');
    const second = await server.login('petugas');
    const out = await server.request('/api/auth/logout', { method: 'POST', headers: { authorization: `Bearer ${first.token}` } });
    expect(out.status).toBe(200);
    expect((await pull(first.token)).status).toBe(401);
    expect((await pull(second.token)).status).toBe(200);
  });
});
