import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { StorageUnavailable } from '../storage';
import { openSqliteStorage } from './sqlite-storage';
import type { SyncFile } from './wal-sync';

// Decision 014: the write connection does not fsync at COMMIT; the WAL is synced off the event
// loop, and nothing is acknowledged, or shown to a reader, before it is on disk (S2, S3).

let storage: ReturnType<typeof openSqliteStorage> | undefined;
afterEach(() => {
  storage?.close();
  storage = undefined;
});

/** An fsync that returns only when the test says so. */
function heldSyncs() {
  const pending: ((error: Error | null) => void)[] = [];
  const syncFile: SyncFile = (_fd, done) => {
    pending.push(done);
  };
  return { syncFile, pending, release: (error: Error | null = null) => pending.splice(0).forEach((done) => done(error)) };
}

function open(syncFile: SyncFile, maxReadDeferMs?: number) {
  storage = openSqliteStorage(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hunian-walsync-')), 'db.sqlite'), { syncFile, maxReadDeferMs });
  return storage;
}

const device = (id: string) => ({ id, userId: 'u', lastMutationSeq: 1, appVersion: null, schemaVersion: 1, firstSeenAt: 't', lastSeenAt: 't' });

async function turnsUntil(condition: () => boolean) {
  for (let turn = 0; turn < 200 && !condition(); turn++) await new Promise((resolve) => setImmediate(resolve));
  expect(condition()).toBe(true);
}
const someTurns = async () => {
  for (let turn = 0; turn < 20; turn++) await new Promise((resolve) => setImmediate(resolve));
};

it('S2: a write is answered only after an fsync of the WAL that began after its COMMIT', async () => {
  const syncs = heldSyncs();
  const s = open(syncs.syncFile);
  const answered: string[] = [];
  const first = s.transaction(async (tx) => tx.saveDevice(device('a'))).then(() => answered.push('a'));
  await turnsUntil(() => syncs.pending.length === 1);
  // Committed (another connection sees it), yet nobody has been told.
  expect(s.sqlite.prepare('select count(*) n from devices').get()).toEqual({ n: 1 });
  const second = s.transaction(async (tx) => tx.saveDevice(device('b'))).then(() => answered.push('b'));
  await someTurns();
  expect(answered).toEqual([]);

  // The fsync in flight began before b's COMMIT: it answers a only.
  syncs.release();
  await first;
  await someTurns();
  expect(answered).toEqual(['a']);
  await turnsUntil(() => syncs.pending.length === 1);
  syncs.release();
  await second;
  expect(answered).toEqual(['a', 'b']);
});

it('S2: a read whose snapshot holds a commit not yet on disk waits for it, then sees it', async () => {
  const syncs = heldSyncs();
  // Not waiting for the writer's backlog (decision 018), only for the disk.
  const s = open(syncs.syncFile, 0);
  void s.transaction(async (tx) => tx.saveDevice(device('a')));
  await turnsUntil(() => syncs.pending.length === 1);
  let seen: unknown = 'not yet';
  const read = s.read(async (reader) => reader.device('a')).then((row) => (seen = row));
  await new Promise((resolve) => setTimeout(resolve, 30));
  await someTurns();
  expect(seen).toBe('not yet');
  syncs.release();
  await read;
  expect(seen).toMatchObject({ id: 'a' });
  // With nothing waiting to be synced, a read does not wait.
  expect(await s.read(async (reader) => reader.device('a'))).toMatchObject({ id: 'a' });
});

it('S15: a failed fsync answers its writes 503 (StorageUnavailable), and every later write and read too', async () => {
  const syncs = heldSyncs();
  const s = open(syncs.syncFile);
  const write = s.transaction(async (tx) => tx.saveDevice(device('a')));
  await turnsUntil(() => syncs.pending.length === 1);
  syncs.release(new Error('EIO: i/o error'));
  await expect(write).rejects.toBeInstanceOf(StorageUnavailable);
  await expect(s.transaction(async (tx) => tx.saveDevice(device('b')))).rejects.toBeInstanceOf(StorageUnavailable);
  await expect(s.read(async (reader) => reader.device('a'))).rejects.toBeInstanceOf(StorageUnavailable);
});

it('syncs what is committed when it closes, so that no caller is left waiting', async () => {
  const syncs = heldSyncs();
  const s = open(syncs.syncFile);
  const write = s.transaction(async (tx) => tx.saveDevice(device('a')));
  await turnsUntil(() => syncs.pending.length === 1);
  s.close();
  storage = undefined;
  await expect(write).resolves.toBeUndefined();
});
