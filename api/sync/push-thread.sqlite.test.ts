import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, SCHEMA_VERSION, uuidv7, versionHeaders, type PullResponse, type PushResponse } from '../../schema';
import { StorageUnavailable } from '../storage/storage';
import { WriterTurns } from '../storage/sqlite/writer-turns';
import { createTestServer, type TestServer } from '../test-support/test-server';

// Decision 021: pushes applied on a thread of their own, with a write connection of their own,
// beside the server's. The whole protocol contract also runs this way (sync-contract.sqlite.test.ts).

const versions = { [versionHeaders.protocol]: String(PROTOCOL_VERSION), [versionHeaders.schema]: String(SCHEMA_VERSION) };

describe('WriterTurns', () => {
  const busy = () => Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
  const isBusy = (error: unknown) => (error as { code?: string }).code === 'SQLITE_BUSY';

  it('takes the lock on timers while it is held elsewhere, counted in as waiting until it has it', async () => {
    const turns = new WriterTurns();
    let tries = 0;
    const seen: number[] = [];
    await turns.acquire(
      () => {
        seen.push(Atomics.load(turns.waiting, 0));
        if (++tries < 4) throw busy();
      },
      isBusy,
      1000,
    );
    expect(tries).toBe(4);
    expect(seen).toEqual([1, 1, 1, 1]);
    expect(Atomics.load(turns.waiting, 0)).toBe(0);
  });

  it('gives up with StorageUnavailable (503) after its time, and counts itself out', async () => {
    const turns = new WriterTurns();
    await expect(
      turns.acquire(
        () => {
          throw busy();
        },
        isBusy,
        20,
      ),
    ).rejects.toBeInstanceOf(StorageUnavailable);
    expect(Atomics.load(turns.waiting, 0)).toBe(0);
  });

  it('passes on any other error at once', async () => {
    const turns = new WriterTurns();
    await expect(
      turns.acquire(
        () => {
          throw new Error('disk I/O error');
        },
        isBusy,
        1000,
      ),
    ).rejects.toThrow('disk I/O error');
    expect(Atomics.load(turns.waiting, 0)).toBe(0);
  });

  it('the push side tries again every millisecond while the lock is held, and gives up with StorageUnavailable after its time', () => {
    const turns = new WriterTurns();
    let tries = 0;
    turns.takeTurn(
      () => {
        if (++tries < 5) throw busy();
      },
      isBusy,
      1000,
    );
    expect(tries).toBe(5);
    expect(() =>
      turns.takeTurn(
        () => {
          throw busy();
        },
        isBusy,
        20,
      ),
    ).toThrow(StorageUnavailable);
  });

  it('when the push thread has died, its counted commits are synced by the server, and readers stop waiting (or hear 503 if the sync fails)', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hunian-turns-')), 'db.sqlite-wal');
    fs.writeFileSync(file, 'wal');
    const turns = new WriterTurns();
    Atomics.store(turns.pushCommits, 0, 3);
    Atomics.store(turns.pushCommits, 1, 1);
    const waiting = turns.pushCommitsDurable(3);
    turns.settlePushCommits(file);
    await waiting;
    expect(Array.from(turns.pushCommits)).toEqual([3, 3, 0]);

    const lost = new WriterTurns();
    Atomics.store(lost.pushCommits, 0, 2);
    const reader = lost.pushCommitsDurable(2);
    lost.settlePushCommits(path.join(path.dirname(file), 'no-such-wal'));
    await expect(reader).rejects.toBeInstanceOf(StorageUnavailable);
  });

  it('the push side waits while a server write is counted in, and not longer than its limit', () => {
    const turns = new WriterTurns();
    let started = performance.now();
    turns.yieldToOthers(1000);
    expect(performance.now() - started).toBeLessThan(50);
    Atomics.add(turns.waiting, 0, 1);
    started = performance.now();
    turns.yieldToOthers(30);
    expect(performance.now() - started).toBeGreaterThanOrEqual(29);
  });
});

describe('the push thread', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await createTestServer({ pushThread: true });
  });
  afterEach(() => server.close());

  const push = (token: string, deviceId: string, mutations: unknown[]) =>
    server.json('POST', '/api/sync/push', { protocolVersion: PROTOCOL_VERSION, schemaVersion: SCHEMA_VERSION, deviceId, mutations }, token);

  it('applies pushes on a connection of its own; the server reads them at once, and a replay is answered from the stored results (S3)', async () => {
    const { token } = await server.login('petugas');
    const unit = server.unitIn('Kota Bandung');
    const deviceId = uuidv7();
    const mutations = [server.inspectionMutation(unit, 1), server.inspectionMutation(unit, 2)];
    const first = await push(token, deviceId, mutations);
    expect(first.status).toBe(200);
    const answer = (await first.json()) as PushResponse;
    expect(answer.results.map((r) => r.status)).toEqual(['applied', 'applied']);

    // The main thread's read connection sees what the push thread committed.
    const pulled = (await (await server.request('/api/sync/pull?cursor=0&limit=1000', { headers: { authorization: `Bearer ${token}`, ...versions } })).json()) as PullResponse;
    expect(pulled.changes.filter((c) => c.entity === 'inspections').map((c) => c.recordId)).toEqual(expect.arrayContaining(mutations.map((m) => m.recordId)));

    const replay = await push(token, deviceId, mutations);
    expect((await replay.json()) as PushResponse).toEqual(answer);
    expect(server.sqlite.prepare('select count(*) n from inspections where id in (?, ?)').get(mutations[0]!.recordId, mutations[1]!.recordId)).toEqual({ n: 2 });
  });

  it("answers the thread's refusals as the server's own: a gap is 409 mutation_gap (S4), with its details", async () => {
    const { token } = await server.login('petugas');
    const unit = server.unitIn('Kota Bandung');
    const response = await push(token, uuidv7(), [server.inspectionMutation(unit, 2)]);
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ error: 'mutation_gap', details: { expectedSeq: 1, lastMutationSeq: 0 } });
  });

  it('server writes (device reports, sign-ins) made during a burst of pushes all land, and so do the pushes', async () => {
    const { token } = await server.login('petugas');
    const unit = server.unitIn('Kota Bandung');
    const devices = Array.from({ length: 40 }, () => uuidv7());
    const pushes = devices.map((deviceId) => push(token, deviceId, Array.from({ length: 20 }, (_, i) => server.inspectionMutation(unit, i + 1))));
    const reports = devices.map((deviceId) =>
      server.json('POST', '/api/sync/device-report', { deviceId: uuidv7(), appVersion: 'test', schemaVersion: SCHEMA_VERSION, protocolVersion: PROTOCOL_VERSION, pendingCount: 0, pendingUploads: 0, lastSyncAt: null }, token).then((r) => ({ deviceId, status: r.status })),
    );
    const logins = Array.from({ length: 5 }, () => server.login('kantor'));
    const answers = await Promise.all(pushes);
    expect(answers.map((r) => r.status)).toEqual(devices.map(() => 200));
    expect((await Promise.all(reports)).map((r) => r.status)).toEqual(devices.map(() => 200));
    await Promise.all(logins);
    expect(server.sqlite.prepare("select count(*) n from devices where app_version = 'test'").get()).toEqual({ n: 40 });
    expect(server.sqlite.prepare('select count(*) n from applied_mutations where device_id in (select value from json_each(?))').get(JSON.stringify(devices))).toEqual({ n: 800 });
  });

  it('if the thread dies, what it held is answered 503, and a new thread takes the next push', async () => {
    const { token } = await server.login('petugas');
    const unit = server.unitIn('Kota Bandung');
    const deviceId = uuidv7();
    const thread = server.pushThread!;
    const mutation = server.inspectionMutation(unit, 1);
    const pending = push(token, deviceId, [mutation]);
    // The request is read in and handed to the thread on a later turn; end the thread under it.
    while (thread.pending === 0) await new Promise((resolve) => setImmediate(resolve));
    await (thread as unknown as { worker: Worker }).worker.terminate();
    const lost = await pending;
    expect(lost.status).toBe(503);
    expect(lost.headers.get('retry-after')).not.toBeNull();

    // The device sends it again (S3): whether or not the first got in, it is applied once.
    for (let attempt = 0; ; attempt++) {
      const again = await push(token, deviceId, [mutation]);
      if (again.status === 200) {
        expect(((await again.json()) as PushResponse).results[0]!.status).toBe('applied');
        expect(server.sqlite.prepare('select count(*) n from change_log where mutation_id = ?').get(mutation.id)).toEqual({ n: 1 });
        break;
      }
      // The new thread may still be starting.
      expect(again.status).toBe(503);
      expect(attempt).toBeLessThan(50);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });
});

describe('over real HTTP, as devices send them', () => {
  let server: TestServer;
  let http: { baseUrl: string; close: () => Promise<void> };
  beforeEach(async () => {
    server = await createTestServer({ pushThread: true });
    http = await server.listen();
  });
  afterEach(async () => {
    await http.close();
    await server.close();
  });

  const post = (token: string, body: BodyInit, headers: Record<string, string> = {}) =>
    fetch(`${http.baseUrl}/api/sync/push`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers }, body, duplex: 'half' } as RequestInit);

  it('a push sent over HTTP is read and applied; a body over the limit, declared or streamed, is refused with 413, and bad JSON with 400 (S11)', async () => {
    const { token } = await server.login('petugas');
    const unit = server.unitIn('Kota Bandung');
    const mutation = server.inspectionMutation(unit, 1);
    const ok = await post(token, JSON.stringify({ protocolVersion: PROTOCOL_VERSION, schemaVersion: SCHEMA_VERSION, deviceId: uuidv7(), mutations: [mutation] }));
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as PushResponse).results[0]!.status).toBe('applied');

    const big = JSON.stringify({ pad: 'x'.repeat(3 * 1024 * 1024) });
    const declared = await post(token, big);
    expect(declared.status).toBe(413);
    expect(await declared.json()).toMatchObject({ error: 'body_too_large' });

    // No length header: chunked, counted as it streams in.
    const bytes = new TextEncoder().encode(big);
    const streamed = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 64 * 1024) controller.enqueue(bytes.subarray(i, i + 64 * 1024));
        controller.close();
      },
    });
    const chunked = await post(token, streamed);
    expect(chunked.status).toBe(413);

    const malformed = await post(token, '{"mutations": [');
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ error: 'malformed_json' });
  });
});
