import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it, vi } from 'vitest';
import { Checkpointer } from './checkpointer';
import { openDatabase } from './open-database';

/** A database whose writer never checkpoints, with about 6 MB in its WAL. */
function walFull(prefix: string) {
  const dbPath = path.join(fs.mkdtempSync(path.join(os.tmpdir(), prefix)), 'db.sqlite');
  const { sqlite, close } = openDatabase(dbPath);
  sqlite.pragma('wal_autocheckpoint = 0');
  sqlite.exec('create table filler (id integer primary key, body text)');
  const insert = sqlite.prepare('insert into filler (body) values (?)');
  sqlite.transaction(() => {
    for (let i = 0; i < 2000; i++) insert.run('x'.repeat(3000));
  })();
  const before = fs.statSync(dbPath).size;
  return { dbPath, sqlite, close, before };
}

it('copies the WAL into the database file on a thread of its own, the writer never checkpointing', async () => {
  const { dbPath, close, before } = walFull('hunian-checkpoint-');
  expect(fs.statSync(`${dbPath}-wal`).size).toBeGreaterThan(4 * 1024 * 1024);

  const checkpointer = new Checkpointer(dbPath, 0);
  checkpointer.afterCommit();
  const deadline = Date.now() + 10_000;
  while (fs.statSync(dbPath).size <= before + 4 * 1024 * 1024 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  expect(fs.statSync(dbPath).size).toBeGreaterThan(before + 4 * 1024 * 1024);
  checkpointer.close();
  close();
});

it('waits out a connection that holds the file as the thread opens it, and reports nothing', async () => {
  const { dbPath, sqlite, close, before } = walFull('hunian-checkpoint-locked-');
  // Held the way a connection holds the file while it opens or closes it: no other may read.
  sqlite.pragma('locking_mode = EXCLUSIVE');
  sqlite.prepare('insert into filler (body) values (?)').run('y');
  const errors: unknown[] = [];
  const spy = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void errors.push(args));
  try {
    const checkpointer = new Checkpointer(dbPath, 0);
    checkpointer.afterCommit();
    await new Promise((resolve) => setTimeout(resolve, 500));
    sqlite.pragma('locking_mode = NORMAL');
    sqlite.prepare('select count(*) from filler').get(); // the lock goes at the next access
    const deadline = Date.now() + 10_000;
    while (fs.statSync(dbPath).size <= before + 4 * 1024 * 1024 && Date.now() < deadline) {
      checkpointer.afterCommit();
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(fs.statSync(dbPath).size).toBeGreaterThan(before + 4 * 1024 * 1024);
    expect(errors).toEqual([]);
    checkpointer.close();
  } finally {
    spy.mockRestore();
    close();
  }
});
