import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { rowVersions, savedWritesOnServer, SavedWrites, unexplainedRowChanges } from './user-writes';

// The fault suite's own checks (the fuzz invariants it reuses have their self-check in
// worker/sync-convergence.fuzz.test.ts). Each must name the loss it is given.
function server() {
  const sqlite = new Database(':memory:');
  sqlite.exec('create table change_log (seq integer primary key, entity text, record_id text, data text)');
  sqlite.exec('create table inspections (id text primary key, version integer)');
  let seq = 0;
  const write = (entity: string, id: string, data: Record<string, unknown>) => {
    seq++;
    sqlite.prepare('insert into change_log (seq, entity, record_id, data) values (?, ?, ?, ?)').run(seq, entity, id, JSON.stringify({ id, ...data }));
    if (entity === 'inspections') sqlite.prepare('insert or replace into inspections (id, version) values (?, ?)').run(id, seq);
  };
  return { sqlite, write };
}

describe('savedWritesOnServer', () => {
  it('holds when every saved record is on the server at its last value, or deleted as the user deleted it', () => {
    const { sqlite, write } = server();
    const saved = new SavedWrites();
    saved.noteSaved('inspections', 'a', { notes: 'first' }, 'phone');
    saved.noteSaved('inspections', 'a', { notes: 'second' }, 'phone');
    saved.noteDeleted('inspections', 'b', 'phone');
    write('inspections', 'a', { notes: 'first' });
    write('inspections', 'a', { notes: 'second' });
    write('inspections', 'b', { notes: 'x', deleted: true });
    expect(savedWritesOnServer(sqlite, saved)).toEqual({ lost: [], keptInConflicts: [] });
  });

  it('names a record the server never got, an older value, a live record the user deleted, and a deleted one the user saved', () => {
    const { sqlite, write } = server();
    const saved = new SavedWrites();
    saved.noteSaved('inspections', 'missing', { notes: 'n' }, 'phone');
    saved.noteSaved('inspections', 'stale', { notes: 'new' }, 'phone');
    saved.noteDeleted('inspections', 'undeleted', 'phone');
    saved.noteSaved('inspections', 'gone', { notes: 'kept' }, 'phone');
    write('inspections', 'stale', { notes: 'old' });
    write('inspections', 'undeleted', { notes: 'x' });
    write('inspections', 'gone', { notes: 'kept', deleted: true });
    const { lost } = savedWritesOnServer(sqlite, saved);
    expect(lost).toHaveLength(4);
    expect(lost.join('\n')).toMatch(/missing.*not on the server/);
    expect(lost.join('\n')).toMatch(/stale.*notes saved as "new", server has "old"/);
    expect(lost.join('\n')).toMatch(/undeleted.*live on the server/);
    expect(lost.join('\n')).toMatch(/gone.*deleted on the server/);
  });

  it('counts a value the server kept in a conflict record as kept apart, not lost', () => {
    const { sqlite, write } = server();
    const saved = new SavedWrites();
    saved.noteSaved('inspections', 'a', { notes: 'mine' }, 'phone');
    write('inspections', 'a', { notes: 'theirs' });
    expect(savedWritesOnServer(sqlite, saved).lost).toHaveLength(1);
    write('conflicts', 'c1', { recordId: 'a', field: 'notes', lostValue: 'mine', lostMutationId: 'm1' });
    const result = savedWritesOnServer(sqlite, saved);
    expect(result.lost).toEqual([]);
    expect(result.keptInConflicts.map((r) => r.id)).toEqual(['a']);
  });
});

describe('unexplainedRowChanges', () => {
  it('names a row nobody wrote that changed, appeared or went away, and nothing else', () => {
    const { sqlite, write } = server();
    write('inspections', 'untouched', {});
    write('inspections', 'touched', {});
    write('inspections', 'vanishes', {});
    const before = rowVersions(sqlite, ['inspections']);
    const saved = new SavedWrites();
    saved.noteSaved('inspections', 'touched', {}, 'phone');
    saved.noteSaved('inspections', 'new', {}, 'phone');
    write('inspections', 'touched', {});
    write('inspections', 'new', {});
    write('inspections', 'untouched', {});
    write('inspections', 'stranger', {});
    sqlite.prepare("delete from inspections where id = 'vanishes'").run();
    const problems = unexplainedRowChanges(before, rowVersions(sqlite, ['inspections']), saved);
    expect(problems).toHaveLength(3);
    expect(problems.join('\n')).toMatch(/inspections\/untouched: changed from version 1 to/);
    expect(problems.join('\n')).toMatch(/inspections\/stranger: appeared/);
    expect(problems.join('\n')).toMatch(/inspections\/vanishes: row gone/);
  });
});
