import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { StorageUnavailable } from '../storage';
import { openSqliteStorage } from './sqlite-storage';
import { WalSync, type SyncFile } from './wal-sync';
import { WriterTurns } from './writer-turns';

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

describe('with a push thread (decision 021): the server reads what the push side committed only once it is on disk', () => {
  // Both sides in one thread here, each with its own connections, as the two threads have them.
  let pushes: ReturnType<typeof openSqliteStorage> | undefined;
  afterEach(() => {
    pushes?.close();
    pushes = undefined;
  });

  function openBoth(pushSyncs: ReturnType<typeof heldSyncs>) {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hunian-walsync-')), 'db.sqlite');
    const turns = new WriterTurns();
    storage = openSqliteStorage(file, { writerTurns: { turns, side: 'server' }, maxReadDeferMs: 0 });
    pushes = openSqliteStorage(file, { writerTurns: { turns, side: 'pushes' }, migrate: false, syncFile: pushSyncs.syncFile });
    return { server: storage, pushes, turns };
  }

  it('S2: a read (and a session lookup) that may see a push-side commit waits for its fsync', async () => {
    const syncs = heldSyncs();
    const { server, pushes: p, turns } = openBoth(syncs);
    const write = p.transaction(async (tx) => tx.saveDevice(device('a')));
    await turnsUntil(() => syncs.pending.length === 1);
    expect(Array.from(turns.pushCommits)).toEqual([1, 0, 0]);
    let seen: unknown = 'not yet';
    const read = server.read(async (reader) => reader.device('a')).then((row) => (seen = row));
    let session: unknown = 'not yet';
    const lookup = server.read(async (reader) => reader.userForSession('no-such-token', 't')).then((found) => (session = found));
    await new Promise((resolve) => setTimeout(resolve, 30));
    await someTurns();
    expect(seen).toBe('not yet');
    expect(session).toBe('not yet');
    syncs.release();
    await Promise.all([write, read, lookup]);
    expect(seen).toMatchObject({ id: 'a' });
    expect(session).toBeUndefined();
    expect(Array.from(turns.pushCommits)).toEqual([1, 1, 0]);
    // Nothing unsynced: no wait.
    expect(await server.read(async (reader) => reader.device('a'))).toMatchObject({ id: 'a' });
  });

  it('S15: a failed push-side fsync makes the server refuse reads that may see it (503), not show them', async () => {
    const syncs = heldSyncs();
    const { server, pushes: p } = openBoth(syncs);
    const write = p.transaction(async (tx) => tx.saveDevice(device('a')));
    await turnsUntil(() => syncs.pending.length === 1);
    const read = server.read(async (reader) => reader.device('a'));
    syncs.release(new Error('EIO: i/o error'));
    await expect(write).rejects.toBeInstanceOf(StorageUnavailable);
    await expect(read).rejects.toBeInstanceOf(StorageUnavailable);
  });

  it('a push side opened again after one that died goes on from the shared counts, and syncs first', async () => {
    const syncs = heldSyncs();
    const { pushes: p, turns } = openBoth(syncs);
    void p.transaction(async (tx) => tx.saveDevice(device('a'))).catch(() => {});
    await turnsUntil(() => syncs.pending.length === 1);
    // It dies with its commit counted and unsynced; the next one syncs it before anything else.
    syncs.pending.length = 0;
    const again = new WalSync(`${p.sqlite.name}-wal`, syncs.syncFile, turns.pushCommits);
    expect(syncs.pending).toHaveLength(1);
    syncs.release();
    expect(Array.from(turns.pushCommits)).toEqual([1, 1, 0]);
    again.close();
  });
});
