import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../api/storage/sqlite/open-database';
import { openSqliteStorage } from '../api/storage/sqlite/sqlite-storage';
import { compactChangeLog } from '../api/sync/compact-change-log';
import type { Bench, BenchRow } from './bench-row';

/**
 * Pull cost against history: the latest 100 changes from a log of N rows versus 100 × N rows,
 * for all regions and for a region holding 1% of the log; then the log and a bootstrap pull of
 * that region before and after compaction. The log is built with raw SQL in one transaction.
 */
const regionCount = 100;

function buildLog(rows: number, recordsPerRegion: number): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hunian-pull-')), 'log.sqlite');
  const { sqlite, close } = openDatabase(file);
  const insert = sqlite.prepare(
    `insert into change_log (entity, record_id, region_id, op, data, changed_fields, user_id, device_id, mutation_id, server_time) values ('inspections', ?, ?, 'upsert', ?, '["notes"]', 'u', 'd', null, '2026-11-01T00:00:00.000Z')`,
  );
  sqlite.transaction(() => {
    for (let i = 0; i < rows; i++) {
      const region = `region-${String(i % regionCount).padStart(3, '0')}`;
      const record = `${region}-record-${Math.floor(i / regionCount) % recordsPerRegion}`;
      insert.run(record, region, `{"id":"${record}","regionId":"${region}","notes":"catatan ${i}"}`);
    }
  })();
  close();
  return file;
}

async function timePull(file: string, regionIds: string[]) {
  const storage = openSqliteStorage(file);
  try {
    const plan = (storage.sqlite.prepare(`explain query plan select * from change_log where seq > ? and region_id in (${regionIds.map(() => '?').join(',')}) order by seq limit 101`).all(0, ...regionIds) as { detail: string }[]).map((r) => r.detail).join('; ');
    const newest = await storage.read((r) => r.newestSeq());
    // The latest 100 changes of these regions: cursor just below them.
    const cursor = Math.max(0, newest - (regionIds.length === regionCount ? 100 : 100 * regionCount));
    // The median of 9 batches of 50 pulls: a pull takes a fraction of a millisecond, so one
    // collection or one moment of another process in a single batch moved the figure by half.
    const runs = 50;
    await storage.read((r) => r.changesAfter(cursor, regionIds, 101));
    let rows = 0;
    const batches: number[] = [];
    for (let batch = 0; batch < 9; batch++) {
      const started = performance.now();
      for (let i = 0; i < runs; i++) rows = (await storage.read((r) => r.changesAfter(cursor, regionIds, 101))).length;
      batches.push((performance.now() - started) / runs);
    }
    batches.sort((x, y) => x - y);
    return { ms: batches[4]!, rows, plan };
  } finally {
    storage.close();
  }
}

export const bench: Bench = async ({ smoke }) => {
  const small = smoke ? 1_000 : 10_000;
  const large = smoke ? 10_000 : 1_000_000;
  const allRegions = Array.from({ length: regionCount }, (_, i) => `region-${String(i).padStart(3, '0')}`);
  const built = performance.now();
  const smallFile = buildLog(small, 50);
  const largeFile = buildLog(large, smoke ? 10 : 1000);
  const buildSeconds = (performance.now() - built) / 1000;
  const rows: BenchRow[] = [];
  for (const [label, regions] of [
    ['all regions', allRegions],
    ['one region, 1% of the log', [allRegions[7]!]],
  ] as const) {
    const a = await timePull(smallFile, [...regions]);
    const b = await timePull(largeFile, [...regions]);
    const ratio = b.ms / a.ms;
    rows.push({
      benchmark: `pull cost (log ${small.toLocaleString('en-US')} vs ${large.toLocaleString('en-US')} rows)`,
      metric: `latest 100 changes, ${label}`,
      value: b.ms,
      unit: 'ms',
      baseline: a.ms,
      baselineLabel: `${small.toLocaleString('en-US')}-row log`,
      goal: '≤ 1.5 × small log',
      met: ratio <= 1.5,
      note: `${ratio <= 1.5 ? '' : `${ratio.toFixed(2)}× (goal 1.5×). `}Plan: ${b.plan}. Logs built in ${buildSeconds.toFixed(1)} s.`,
    });
  }
  // Compaction: log size and a bootstrap pull (cursor 0) of one region, before and after.
  const storage = openSqliteStorage(largeFile);
  try {
    const count = () => (storage.sqlite.prepare('select count(*) n from change_log').get() as { n: number }).n;
    const bootstrap = async () => {
      let cursor = 0;
      let pulled = 0;
      for (;;) {
        const page = await storage.read((r) => r.changesAfter(cursor, [allRegions[7]!], 1000));
        pulled += page.length;
        if (page.length < 1000) return pulled;
        cursor = page.at(-1)!.seq;
      }
    };
    const before = { log: count(), bootstrap: await bootstrap() };
    const started = performance.now();
    await compactChangeLog(storage);
    const compactMs = performance.now() - started;
    const after = { log: count(), bootstrap: await bootstrap() };
    const name = `compaction (${large.toLocaleString('en-US')}-row log)`;
    rows.push(
      { benchmark: name, metric: 'change-log rows after compaction', value: after.log, unit: 'rows', baseline: before.log, baselineLabel: 'before', goal: 'reported', met: true, note: `compaction took ${(compactMs / 1000).toFixed(1)} s` },
      { benchmark: name, metric: 'bootstrap pull of one region (cursor 0)', value: after.bootstrap, unit: 'rows', baseline: before.bootstrap, baselineLabel: 'before', goal: 'reported', met: true },
    );
  } finally {
    storage.close();
  }
  return rows;
};
