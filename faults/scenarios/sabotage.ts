import Database from 'better-sqlite3';
import type { PushLedger } from '../../worker/fuzz/push-ledger';

/**
 * Self-test faults: each breaks, on purpose, the very thing a scenario's checks guard, so that
 * `npm run test:faults -- --self-test` can show every scenario's checks catch a real loss.
 * None runs in a normal run.
 */

/**
 * The server forgets a write it acknowledged, as if its commit had not been durable: the newest
 * record a push created is gone from its table, its change log and its stored answers.
 */
export function sabotageDropAcknowledgedWrite(dbPath: string, ledger: PushLedger): string {
  const created = [...ledger.answers.values()].filter((a) => a.result.status === 'applied' && a.mutation.op === 'upsert' && a.mutation.baseVersion === null);
  const victim = created.at(-1);
  if (!victim) throw new Error('self-test: no acknowledged create to drop');
  const { entity, recordId } = victim.mutation;
  const sqlite = new Database(dbPath);
  try {
    sqlite.transaction(() => {
      const mutations = sqlite.prepare('select distinct mutation_id id from change_log where entity = ? and record_id = ? and mutation_id is not null').all(entity, recordId) as { id: string }[];
      for (const { id } of mutations) sqlite.prepare('delete from applied_mutations where mutation_id = ?').run(id);
      sqlite.prepare('delete from change_log where entity = ? and record_id = ?').run(entity, recordId);
      sqlite.prepare(`delete from ${entity} where id = ?`).run(recordId);
    })();
  } finally {
    sqlite.close();
  }
  return `${entity}/${recordId}`;
}
