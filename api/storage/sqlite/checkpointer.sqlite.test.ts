import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { Checkpointer } from './checkpointer';
import { openDatabase } from './open-database';

it('copies the WAL into the database file on a thread of its own, the writer never checkpointing', async () => {
  const dbPath = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hunian-checkpoint-')), 'db.sqlite');
  const { sqlite, close } = openDatabase(dbPath);
  sqlite.pragma('wal_autocheckpoint = 0');
  sqlite.exec('create table filler (id integer primary key, body text)');
  const insert = sqlite.prepare('insert into filler (body) values (?)');
  sqlite.transaction(() => {
    for (let i = 0; i < 2000; i++) insert.run('x'.repeat(3000));
  })();
  const before = fs.statSync(dbPath).size;
  expect(fs.statSync(`${dbPath}-wal`).size).toBeGreaterThan(4 * 1024 * 1024);

  const checkpointer = new Checkpointer(dbPath, 0);
  checkpointer.afterCommit();
  const deadline = Date.now() + 10_000;
  while (fs.statSync(dbPath).size <= before + 4 * 1024 * 1024 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  expect(fs.statSync(dbPath).size).toBeGreaterThan(before + 4 * 1024 * 1024);
  checkpointer.close();
  close();
});
