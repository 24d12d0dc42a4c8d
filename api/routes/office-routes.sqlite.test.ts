import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, SCHEMA_VERSION, uuidv7, type DeviceHealth, type DeviceReportRequest, type Mutation, type PeopleResponse, type PushResponse } from '../../schema';
import { createTestServer, type TestServer } from '../test-support/test-server';

// Device reports (docs/SPEC.md S26) and the office's device list, through the real app on a real SQLite file.

let server: TestServer;
beforeEach(async () => {
  server = await createTestServer();
});
afterEach(() => server.close());

const report = (deviceId: string, overrides: Partial<DeviceReportRequest> = {}): DeviceReportRequest => ({
  deviceId,
  appVersion: '0.1.0',
  schemaVersion: SCHEMA_VERSION,
  protocolVersion: PROTOCOL_VERSION,
  pendingCount: 3,
  pendingUploads: 1,
  lastSyncAt: '2026-11-26T01:00:00.000Z',
  ...overrides,
});
const sendReport = (token: string, body: unknown) => server.json('POST', '/api/sync/device-report', body, token);

async function push(token: string, deviceId: string, mutations: Mutation[]): Promise<PushResponse> {
  const response = await server.json('POST', '/api/sync/push', { protocolVersion: PROTOCOL_VERSION, schemaVersion: SCHEMA_VERSION, deviceId, mutations }, token);
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as PushResponse;
}

async function devices(token: string): Promise<DeviceHealth[]> {
  const response = await server.request('/api/office/devices', { headers: { authorization: `Bearer ${token}` } });
  expect(response.status, await response.clone().text()).toBe(200);
  return ((await response.json()) as { devices: DeviceHealth[] }).devices;
}

const deviceRow = (id: string) => server.sqlite.prepare('select * from devices where id = ?').get(id) as Record<string, unknown> | undefined;

describe('S26: device reports', () => {
  it('S26: a report is stored and shown to the office with the user it belongs to', async () => {
    const officer = await server.login('petugas');
    const deviceId = uuidv7();
    const response = await sendReport(officer.token, report(deviceId));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });

    const office = await server.login('kantor');
    const listed = (await devices(office.token)).find((d) => d.deviceId === deviceId);
    expect(listed).toMatchObject({
      userId: officer.user.id,
      username: 'petugas',
      displayName: 'Siti Rahmawati',
      role: 'field_officer',
      active: true,
      appVersion: '0.1.0',
      schemaVersion: SCHEMA_VERSION,
      protocolVersion: PROTOCOL_VERSION,
      pendingCount: 3,
      pendingUploads: 1,
      lastSyncAt: '2026-11-26T01:00:00.000Z',
      rejectedCount: 0,
      recentRejections: [],
    });
    expect(listed!.reportedAt).toEqual(expect.any(String));
    expect(listed!.firstSeenAt).toBe(listed!.reportedAt);
  });

  it('S26: a report keeps the device\'s mutation sequence, and a push keeps the report', async () => {
    const officer = await server.login('petugas');
    const unit = server.unitIn('Kota Bandung');
    const deviceId = uuidv7();
    await push(officer.token, deviceId, [server.inspectionMutation(unit, 1)]);
    const firstSeen = deviceRow(deviceId)!.first_seen_at;
    expect((await sendReport(officer.token, report(deviceId, { pendingCount: 0, lastSyncAt: null }))).status).toBe(200);
    expect(deviceRow(deviceId)).toMatchObject({ last_mutation_seq: 1, first_seen_at: firstSeen, pending_count: 0, last_sync_at: null });
    // The next mutation follows on from 1: the report did not reset the sequence (S4).
    await push(officer.token, deviceId, [server.inspectionMutation(unit, 2)]);
    expect(deviceRow(deviceId)).toMatchObject({ last_mutation_seq: 2, pending_count: 0, pending_uploads: 1, protocol_version: PROTOCOL_VERSION });
  });

  it('S26: a push alone lists the device, with its report fields null', async () => {
    const officer = await server.login('petugas');
    const deviceId = uuidv7();
    await push(officer.token, deviceId, [server.inspectionMutation(server.unitIn('Kota Bandung'), 1)]);
    const listed = (await devices((await server.login('admin')).token)).find((d) => d.deviceId === deviceId);
    expect(listed).toMatchObject({ pendingCount: null, pendingUploads: null, lastSyncAt: null, reportedAt: null, protocolVersion: null, schemaVersion: SCHEMA_VERSION });
  });

  it('S26: refuses a bad report with a 4xx JSON answer and stores nothing', async () => {
    const officer = await server.login('petugas');
    const deviceId = uuidv7();
    const cases: [unknown, number, string][] = [
      ['{not json', 400, 'malformed_json'],
      [{ ...report(deviceId), deviceId: 'not-a-uuid' }, 400, 'invalid_request'],
      [{ ...report(deviceId), pendingCount: -1 }, 400, 'invalid_request'],
      [{ ...report(deviceId), pendingUploads: 1.5 }, 400, 'invalid_request'],
      [{ ...report(deviceId), lastSyncAt: 'yesterday' }, 400, 'invalid_request'],
      [{ ...report(deviceId), appVersion: 'x'.repeat(41) }, 400, 'invalid_request'],
      [{ ...report(deviceId), extra: true }, 400, 'invalid_request'],
      [(({ pendingCount: _, ...rest }) => rest)(report(deviceId)), 400, 'invalid_request'],
    ];
    for (const [body, status, error] of cases) {
      const response = await sendReport(officer.token, body);
      expect(response.status, JSON.stringify(body)).toBe(status);
      expect(await response.json()).toMatchObject({ error, message: expect.any(String) });
    }
    expect((await server.json('POST', '/api/sync/device-report', report(deviceId))).status).toBe(401);
    expect(deviceRow(deviceId)).toBeUndefined();
  });

  it('S26: refuses a report for another user\'s device with 403 and leaves it as it was', async () => {
    const officer = await server.login('petugas');
    const deviceId = uuidv7();
    expect((await sendReport(officer.token, report(deviceId))).status).toBe(200);
    const before = deviceRow(deviceId);
    const other = await server.login('petugas.jaktim');
    const response = await sendReport(other.token, report(deviceId, { pendingCount: 99 }));
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: 'device_of_other_user' });
    expect(deviceRow(deviceId)).toEqual(before);
  });
});

describe('S26: the office\'s device list', () => {
  it('is closed to field officers and to anyone not signed in', async () => {
    const officer = await server.login('petugas');
    const response = await server.request('/api/office/devices', { headers: { authorization: `Bearer ${officer.token}` } });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: 'role_forbidden' });
    expect((await server.request('/api/office/devices')).status).toBe(401);
  });

  it('shows office staff only the devices of users in regions they may read; an administrator all', async () => {
    const bandungDevice = uuidv7();
    const jakartaDevice = uuidv7();
    await sendReport((await server.login('petugas')).token, report(bandungDevice));
    await sendReport((await server.login('petugas.jaktim')).token, report(jakartaDevice));
    const admin = await server.login('admin');
    const dki = (server.sqlite.prepare('select id from regions where name = ?').get('DKI Jakarta') as { id: string }).id;
    const created = await server.json(
      'POST',
      '/api/admin/users',
      { username: 'kantor.dki', displayName: 'Rina', role: 'office_staff', regionIds: [dki], password: 'rahasia-dki' },
      admin.token,
    );
    expect(created.status).toBe(201);
    const dkiOffice = await server.login('kantor.dki', 'rahasia-dki');
    const seen = (await devices(dkiOffice.token)).map((d) => d.deviceId);
    expect(seen).toContain(jakartaDevice);
    expect(seen).not.toContain(bandungDevice);
    const all = (await devices(admin.token)).map((d) => d.deviceId);
    expect(all).toEqual(expect.arrayContaining([bandungDevice, jakartaDevice]));
  });

  it('S26: counts a device\'s rejected mutations and lists the newest, with what they were about', async () => {
    const officer = await server.login('petugas');
    const deviceId = uuidv7();
    // An inspection in a region the officer does not work in is rejected (S6, S15).
    const forbidden = server.inspectionMutation(server.unitIn('Kota Jakarta Timur'), 1);
    const accepted = server.inspectionMutation(server.unitIn('Kota Bandung'), 2);
    const { results } = await push(officer.token, deviceId, [forbidden, accepted]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'applied']);
    const reason = results[0]!.status === 'rejected' ? results[0]!.reason : undefined;

    const listed = (await devices((await server.login('kantor')).token)).find((d) => d.deviceId === deviceId)!;
    expect(listed.rejectedCount).toBe(1);
    expect(listed.recentRejections).toEqual([
      { mutationId: forbidden.id, entity: 'inspections', recordId: forbidden.recordId, code: reason!.code, message: reason!.message },
    ]);
  });

  it('S26: lists only the five newest rejections, newest first, and counts them all', async () => {
    const officer = await server.login('petugas');
    const deviceId = uuidv7();
    const jakarta = server.unitIn('Kota Jakarta Timur');
    const mutations = Array.from({ length: 7 }, (_, i) => server.inspectionMutation(jakarta, i + 1));
    await push(officer.token, deviceId, mutations);
    const listed = (await devices((await server.login('admin')).token)).find((d) => d.deviceId === deviceId)!;
    expect(listed.rejectedCount).toBe(7);
    expect(listed.recentRejections.map((r) => r.mutationId)).toEqual(mutations.slice(2).reverse().map((m) => m.id));
  });
});

describe('the people directory', () => {
  const people = async (token: string) => server.request('/api/office/people', { headers: { authorization: `Bearer ${token}` } });

  it('names the people whose ids the office sees on records, without anything secret, and only to the office', async () => {
    const office = await server.login('kantor');
    const admin = await server.login('admin');
    // Someone with no region yet: no office sees their work, so only the administrator lists them.
    const created = await server.json(
      'POST',
      '/api/admin/users',
      { username: 'petugas.baru', displayName: 'Petugas Baru', role: 'field_officer', regionIds: [], password: 'rahasia-panjang-1' },
      admin.token,
    );
    expect(created.status, await created.clone().text()).toBe(201);

    const answer = await people(office.token);
    expect(answer.status).toBe(200);
    const listed = ((await answer.json()) as PeopleResponse).people;
    expect(listed).toEqual(expect.arrayContaining([
      { id: (await server.login('petugas')).user.id, displayName: 'Siti Rahmawati', role: 'field_officer' },
      { id: office.user.id, displayName: 'Dewi Lestari', role: 'office_staff' },
    ]));
    expect(listed.map((p) => p.displayName)).not.toContain('Petugas Baru');
    expect(JSON.stringify(listed)).not.toMatch(/scrypt|passwordHash/);

    const all = ((await (await people(admin.token)).json()) as PeopleResponse).people;
    expect(all.map((p) => p.displayName)).toContain('Petugas Baru');

    expect((await people((await server.login('petugas')).token)).status).toBe(403);
    expect((await server.request('/api/office/people')).status).toBe(401);
  });
});
