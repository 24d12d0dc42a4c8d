import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { StorageUnavailable } from '../storage';
import { GroupCommit } from './group-commit';
import { openSqliteStorage } from './sqlite-storage';

// Grouped commits (docs/decisions/009-grouped-commits.md) must keep S2: each transaction is all or nothing.

let storage: ReturnType<typeof openSqliteStorage>;
beforeEach(() => {
  storage = openSqliteStorage(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hunian-group-')), 'db.sqlite'));
});
afterEach(() => storage.close());

const device = (id: string) => ({ id, userId: 'u', lastMutationSeq: 1, appVersion: null, schemaVersion: 1, firstSeenAt: 't', lastSeenAt: 't' });
const deviceIds = () => (storage.sqlite.prepare('select id from devices order by id').all() as { id: string }[]).map((r) => r.id);

it('S2: concurrent transactions share one commit; a failing one rolls back alone and rejects only its caller', async () => {
  const outcomes = await Promise.allSettled([
    storage.transaction(async (tx) => tx.saveDevice(device('a'))),
    storage.transaction(async (tx) => {
      await tx.saveDevice(device('b'));
      throw new Error('refused');
    }),
    storage.transaction(async (tx) => {
      await tx.saveDevice(device('c'));
      // A nested savepoint inside a grouped transaction still undoes only its part.
      await tx.savepoint(async () => {
        await tx.saveDevice(device('d'));
        throw new Error('inner');
      }).catch(() => undefined);
      return 'c done';
    }),
  ]);
  expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  expect((outcomes[2] as PromiseFulfilledResult<string>).value).toBe('c done');
  expect(deviceIds()).toEqual(['a', 'c']);
  expect(storage.queuedTransactions).toBe(0);
});

it('S2: no caller hears back before the shared COMMIT', async () => {
  const seen: boolean[] = [];
  const first = storage.transaction(async (tx) => tx.saveDevice(device('a')));
  const second = storage.transaction(async (tx) => tx.saveDevice(device('b')));
  void first.then(() => seen.push(storage.sqlite.inTransaction));
  await Promise.all([first, second]);
  expect(seen).toEqual([false]);
});

it('S2: a failed COMMIT rejects every transaction of the group as StorageUnavailable', async () => {
  const log: string[] = [];
  const group = new GroupCommit({
    begin: () => void log.push('begin'),
    commit: () => {
      throw new Error('disk I/O error');
    },
    rollback: () => log.push('rollback'),
    inTransaction: () => true,
    savepoint: (name) => log.push(`savepoint ${name}`),
    release: (name) => log.push(`release ${name}`),
    rollbackTo: (name) => log.push(`rollback to ${name}`),
    mapError: (error) => error,
  });
  const outcomes = await Promise.allSettled([group.run(async () => 1), group.run(async () => 2)]);
  expect(outcomes.map((o) => o.status === 'rejected' && o.reason instanceof StorageUnavailable)).toEqual([true, true]);
  expect(log).toEqual(['begin', 'savepoint g1_0', 'release g1_0', 'savepoint g1_1', 'release g1_1', 'rollback']);
  expect(group.length).toBe(0);
});

function loggingConnection(log: string[], limits: { maxGroupSize?: number; maxGroupMs?: number } = {}) {
  return {
    begin: () => void log.push('begin'),
    commit: () => log.push('commit'),
    rollback: () => log.push('rollback'),
    inTransaction: () => true,
    savepoint: () => undefined,
    release: () => undefined,
    rollbackTo: () => undefined,
    mapError: (error: unknown) => error,
    ...limits,
  };
}

it('S2: a transaction that arrives while a group waits a turn of the event loop joins its commit', async () => {
  const log: string[] = [];
  const group = new GroupCommit(loggingConnection(log, { maxGroupMs: 10_000 }));
  const first = group.run(async () => 1);
  // The next request is read in a later turn of the event loop, after the first one's group began.
  await new Promise((resolve) => setImmediate(resolve));
  expect(log).toEqual(['begin']);
  const second = group.run(async () => 2);
  expect(await Promise.all([first, second])).toEqual([1, 2]);
  expect(log).toEqual(['begin', 'commit']);
});

it('S2: a group stops taking transactions after maxGroupSize or maxGroupMs; the rest commit in the next', async () => {
  const log: string[] = [];
  const bySize = new GroupCommit(loggingConnection(log, { maxGroupSize: 2 }));
  await Promise.all([1, 2, 3].map((n) => bySize.run(async () => n)));
  expect(log).toEqual(['begin', 'commit', 'begin', 'commit']);

  log.length = 0;
  const byTime = new GroupCommit(loggingConnection(log, { maxGroupMs: 1 }));
  const busy = async () => {
    const until = performance.now() + 3;
    while (performance.now() < until);
  };
  await Promise.all([byTime.run(busy), byTime.run(busy), byTime.run(busy)]);
  expect(log).toEqual(['begin', 'commit', 'begin', 'commit', 'begin', 'commit']);
});
