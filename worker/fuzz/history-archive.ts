/** The little of better-sqlite3 the archive needs. */
interface SqliteExec {
  exec(sql: string): unknown;
}

/** Where the fuzz keeps every change row ever written, whatever compaction later removes. */
export const historyTable = 'fuzz_change_history';

/**
 * The invariants judge each acknowledged mutation by its own change row and the rows after it.
 * The server compacts its change log at every start (S21), as production does, and the fuzz
 * restarts the server; so a trigger copies each change row, as written, into a table compaction
 * never touches, and the checks read that.
 */
export function archiveChangeHistory(sqlite: SqliteExec): void {
  sqlite.exec(`
    create table if not exists ${historyTable} as select * from change_log where 0;
    insert into ${historyTable} select * from change_log where seq not in (select seq from ${historyTable});
    create trigger if not exists ${historyTable}_copy after insert on change_log
    begin
      insert into ${historyTable} select * from change_log where seq = new.seq;
    end;
  `);
}
