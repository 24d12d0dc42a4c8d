import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { openSqliteStorage } from './sqlite-storage';

// Decision 018: reads let a backlog of pushes go first, except the session lookup of a request.

let storage: ReturnType<typeof openSqliteStorage> | undefined;
afterEach(() => {
  storage?.close();
  storage = undefined;
});

function open(options: { maxReadDeferMs?: number } = {}) {
  storage = openSqliteStorage(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hunian-reads-')), 'db.sqlite'), options);
  return storage;
}

const device = (id: string) => ({ id, userId: 'u', lastMutationSeq: 1, appVersion: null, schemaVersion: 1, firstSeenAt: 't', lastSeenAt: 't' });
const someTurns = async () => {
  for (let turn = 0; turn < 20; turn++) await new Promise((resolve) => setImmediate(resolve));
};

/** A push that is being applied until the test lets it finish. */
function heldWrite(s: NonNullable<typeof storage>, id: string) {
  let finish!: () => void;
  const finished = new Promise<void>((resolve) => (finish = resolve));
  const answered = s.transaction(async (tx) => {
    await tx.saveDevice(device(id));
    await finished;
  });
  return { finish, answered };
}

it('a read that finds pushes queued or being applied waits until they are answered, then sees them', async () => {
  const s = open();
  const write = heldWrite(s, 'a');
  let seen: unknown = 'not yet';
  const read = s.read(async (reader) => reader.device('a')).then((row) => (seen = row));
  await someTurns();
  expect(seen).toBe('not yet');
  write.finish();
  await write.answered;
  await read;
  expect(seen).toMatchObject({ id: 'a' });
});

it('the session lookup of a request does not wait for the backlog of pushes', async () => {
  const s = open();
  const write = heldWrite(s, 'a');
  await expect(s.read(async (reader) => reader.userForSession('no-such-token', new Date().toISOString()))).resolves.toBeUndefined();
  write.finish();
  await write.answered;
});

it('a read waits for the backlog at most maxReadDeferMs', async () => {
  const s = open({ maxReadDeferMs: 30 });
  const write = heldWrite(s, 'a');
  const started = performance.now();
  // Its snapshot is taken before the held push commits: it does not see it.
  await expect(s.read(async (reader) => reader.device('a'))).resolves.toBeUndefined();
  expect(performance.now() - started).toBeGreaterThanOrEqual(25);
  write.finish();
  await write.answered;
});

it('reads are snapshots: one that began before a commit does not see it, one after does', async () => {
  const s = open();
  await s.transaction(async (tx) => tx.saveDevice(device('a')));
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const early = s.read(async (reader) => {
    const before = await reader.device('b');
    await gate;
    return [before, await reader.device('b')];
  });
  await someTurns();
  // The write waits for nothing; the early read holds its snapshot meanwhile.
  const written = s.transaction(async (tx) => tx.saveDevice(device('b')));
  await written;
  release();
  expect(await early).toEqual([undefined, undefined]);
  expect(await s.read(async (reader) => reader.device('b'))).toMatchObject({ id: 'b' });
});

it('a session lookup does not wait for a long read that holds the read connection, nor for the reads waiting behind it', async () => {
  const s = open();
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const order: string[] = [];
  // Like a bootstrap, which streams while its read stays open.
  const holding = s.read(async (reader) => {
    await reader.newestSeq();
    await gate;
  });
  await someTurns();
  const pull = s.read(async (reader) => reader.newestSeq()).then(() => order.push('pull'));
  await someTurns();
  await s.read(async (reader) => reader.userForSession('no-such-token', new Date().toISOString())).then(() => order.push('session'));
  expect(order).toEqual(['session']);
  release();
  await Promise.all([holding, pull]);
  expect(order).toEqual(['session', 'pull']);
});
