import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, SCHEMA_VERSION, uuidv7, type Mutation, type MutationResult, type PushResponse, type RecordHistoryResponse } from '../../schema';
import { compactChangeLog } from '../sync/compact-change-log';
import { createTestServer, type TestServer } from '../test-support/test-server';

// A record's history (docs/SPEC.md S27) through the real app on a real SQLite file, across compaction (S21).

let server: TestServer;
beforeEach(async () => {
  server = await createTestServer();
});
afterEach(() => server.close());

async function push(token: string, deviceId: string, mutation: Mutation): Promise<MutationResult> {
  const response = await server.json('POST', '/api/sync/push', { protocolVersion: PROTOCOL_VERSION, schemaVersion: SCHEMA_VERSION, deviceId, mutations: [mutation] }, token);
  expect(response.status, await response.clone().text()).toBe(200);
  const result = ((await response.json()) as PushResponse).results[0]!;
  expect(result.status, JSON.stringify(result)).toBe('applied');
  return result;
}

const edit = (recordId: string, seq: number, baseVersion: number, fields: Record<string, unknown>, op: Mutation['op'] = 'upsert'): Mutation => ({
  id: uuidv7(), seq, entity: 'inspections', op, recordId, baseVersion, fields, clientTime: new Date().toISOString(),
});
const appliedSeq = (result: MutationResult) => (result.status === 'applied' ? result.appliedSeq : -1);
const history = (token: string | undefined, entity: string, recordId: string) =>
  server.request(`/api/history/${entity}/${recordId}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
const count = (sql: string, ...params: unknown[]) => (server.sqlite.prepare(sql).get(...params) as { n: number }).n;

/** An officer records an inspection and corrects its notes; office staff then change its rating. */
async function createEditEdit() {
  const officer = await server.login('petugas');
  const office = await server.login('kantor');
  const officerDevice = uuidv7();
  const officeDevice = uuidv7();
  const created = server.inspectionMutation(server.unitIn('Kota Bandung'), 1, {});
  const first = await push(officer.token, officerDevice, created);
  const second = await push(officer.token, officerDevice, edit(created.recordId, 2, appliedSeq(first), { notes: 'Atap bocor, sudah dilaporkan' }));
  const third = await push(office.token, officeDevice, edit(created.recordId, 1, appliedSeq(second), { conditionRating: 2 }));
  return { officer, office, officerDevice, officeDevice, created, seqs: [first, second, third].map(appliedSeq) };
}

describe('S27: record history', () => {
  it('S27: lists every change after compaction, with what each changed and who made it', async () => {
    const { officer, office, officerDevice, officeDevice, created, seqs } = await createEditEdit();
    const { deleted } = await compactChangeLog(server.storage);
    expect(deleted).toBeGreaterThan(0);
    // S21 still holds: the live log keeps one row for the record; the superseded two are archived.
    expect(count('select count(*) n from change_log where record_id = ?', created.recordId)).toBe(1);
    expect(count('select count(*) n from change_log_history where record_id = ?', created.recordId)).toBe(2);

    const response = await history(office.token, 'inspections', created.recordId);
    expect(response.status).toBe(200);
    const body = (await response.json()) as RecordHistoryResponse;
    expect(body.entity).toBe('inspections');
    expect(body.recordId).toBe(created.recordId);
    expect(body.entries.map((e) => e.seq)).toEqual(seqs);
    const [first, second, third] = body.entries;

    expect(first).toMatchObject({ op: 'upsert', userId: officer.user.id, userName: 'Siti Rahmawati', deviceId: officerDevice, mutationId: created.id });
    const firstChanges = new Map(first!.changes.map((c) => [c.field, c]));
    expect(firstChanges.get('notes')).toEqual({ field: 'notes', from: null, to: 'Atap bocor sedikit' });
    expect(firstChanges.get('conditionRating')).toEqual({ field: 'conditionRating', from: null, to: 4 });
    expect(first!.changes.every((c) => c.from === null)).toBe(true);
    // System fields travel on the entry, not as changes; the id names the record already.
    for (const field of ['id', 'version', 'deleted', 'updatedAt', 'updatedBy']) expect(firstChanges.has(field)).toBe(false);

    expect(second).toMatchObject({ userId: officer.user.id, userName: 'Siti Rahmawati', deviceId: officerDevice });
    expect(second!.changes).toEqual([{ field: 'notes', from: 'Atap bocor sedikit', to: 'Atap bocor, sudah dilaporkan' }]);
    expect(third).toMatchObject({ userId: office.user.id, userName: 'Dewi Lestari', deviceId: officeDevice });
    expect(third!.changes).toEqual([{ field: 'conditionRating', from: 4, to: 2 }]);
    expect(third!.serverTime >= second!.serverTime).toBe(true);
  });

  it('S27: is the same before and after compaction', async () => {
    const { office, created } = await createEditEdit();
    const before = await (await history(office.token, 'inspections', created.recordId)).json();
    await compactChangeLog(server.storage);
    const after = await (await history(office.token, 'inspections', created.recordId)).json();
    expect(after).toEqual(before);
  });

  it('S27: a delete is an entry with no changes', async () => {
    const { officer, officerDevice, created, seqs } = await createEditEdit();
    const deleted = await push(officer.token, officerDevice, edit(created.recordId, 3, seqs[2]!, {}, 'delete'));
    const body = (await (await history(officer.token, 'inspections', created.recordId)).json()) as RecordHistoryResponse;
    expect(body.entries.at(-1)).toMatchObject({ seq: appliedSeq(deleted), op: 'delete', changes: [] });
  });

  it('S27: someone who may not read the record\'s region gets the same 404 as for no record at all', async () => {
    const { created } = await createEditEdit();
    const outsider = await server.login('petugas.jaktim');
    const forbidden = await history(outsider.token, 'inspections', created.recordId);
    const missing = await history(outsider.token, 'inspections', uuidv7());
    expect(forbidden.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(await forbidden.json()).toEqual(await missing.json());
  });

  it('S27: an unknown or server-only entity is a 404 JSON answer; no session is a 401', async () => {
    const { office, created } = await createEditEdit();
    for (const entity of ['nothing', 'users', 'change_log', '__proto__']) {
      const response = await history(office.token, entity, created.recordId);
      expect(response.status, entity).toBe(404);
      expect(await response.json()).toMatchObject({ error: expect.any(String), message: expect.any(String) });
    }
    const userId = office.user.id;
    expect((await history(office.token, 'users', userId)).status).toBe(404);
    expect((await history(undefined, 'inspections', created.recordId)).status).toBe(401);
  });
});
