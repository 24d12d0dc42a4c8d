import { afterEach, beforeEach, expect, it } from 'vitest';
import { PROTOCOL_VERSION, SCHEMA_VERSION, uuidv7 } from '../../schema';
import { createTestServer, type TestServer } from '../test-support/test-server';
import { inPushBacklog, maxQueuedMutations, pushBacklog } from './push-backlog';

let server: TestServer;
beforeEach(async () => {
  server = await createTestServer();
});
afterEach(() => server.close());

const count = (table: string) => (server.sqlite.prepare(`select count(*) n from ${table}`).get() as { n: number }).n;

it('S15: a push that finds the backlog full is answered 503 overloaded with Retry-After and writes nothing; once it drains, the same push is applied', async () => {
  const { token } = await server.login('petugas');
  const body = { protocolVersion: PROTOCOL_VERSION, schemaVersion: SCHEMA_VERSION, deviceId: uuidv7(), mutations: [server.inspectionMutation(server.unitIn('Kota Bandung'), 1)] };
  const changes = count('change_log');

  let drain!: () => void;
  const waiting = inPushBacklog(server.storage, maxQueuedMutations, () => new Promise<void>((resolve) => (drain = resolve)));
  const refused = await server.json('POST', '/api/sync/push', body, token);
  expect(refused.status).toBe(503);
  expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  expect(await refused.json()).toMatchObject({ error: 'overloaded' });
  expect(count('change_log')).toBe(changes);
  expect(count('devices')).toBe(0);

  drain();
  await waiting;
  expect(pushBacklog(server.storage)).toBe(0);
  const accepted = await server.json('POST', '/api/sync/push', body, token);
  expect(accepted.status).toBe(200);
  expect(count('change_log')).toBe(changes + 1);
});

it('counts the mutations of a push while it waits and runs, also when it fails', async () => {
  const seen: number[] = [];
  await inPushBacklog(server.storage, 30, async () => {
    seen.push(pushBacklog(server.storage));
    await inPushBacklog(server.storage, 5, async () => seen.push(pushBacklog(server.storage)));
  });
  await expect(inPushBacklog(server.storage, 7, async () => Promise.reject(new Error('refused')))).rejects.toThrow('refused');
  expect(seen).toEqual([30, 35]);
  expect(pushBacklog(server.storage)).toBe(0);
});
