import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../api/test-support/test-server';
import { formatReport } from './fuzz/format-report';
import { archiveChangeHistory, historyTable } from './fuzz/history-archive';
import { invariantList } from './fuzz/invariants';
import { freshSeed } from './fuzz/random';
import { runFuzz, type FuzzOptions, type FuzzReport } from './fuzz/simulation';

// Seeded convergence fuzz: devices with the real engine and Dexie (fake-indexeddb) against the
// real server over HTTP, through lost answers, duplicate and stale pushes, cut pulls, damaged
// copies and server restarts; then everything syncs with faults off and the invariants are
// checked. FUZZ_SEED=n replays one seed (all but where a restart in flight lands, which is
// timing); otherwise a fixed seed and a fresh one run, both printed. A seed that fails joins
// `regressions`. A larger run: `npm run fuzz -- --devices 50 --ops 20000 [--seed n] [--trace i]`.
const defaultSize = { devices: 6, ops: 1200 };
const fixedSeed = 20_261_124;
const seeds = process.env.FUZZ_SEED ? [Number(process.env.FUZZ_SEED)] : [fixedSeed, freshSeed()];

type InvariantId = (typeof invariantList)[number]['id'];

/** Seeds that once found a bug, with what they found; each replays with every check. */
const regressions: { seed: number; was: string; options?: Partial<FuzzOptions> }[] = [
  {
    seed: 1,
    was: 'a deleted draft whose create had reached the server (answer lost, or acked but not yet pulled) came back: no delete was sent for a version-0 record',
    // No restarts in flight: where they land is timing, the one thing a seed does not fix.
    options: { faults: { restartMidRequest: 0 } },
  },
  {
    seed: 6,
    was: 'a deleted draft left a seq gap; gap recovery renumbered entries the server had applied unanswered, and the outbox stuck on 409 mutation_id_reused',
    options: { faults: { restartMidRequest: 0 } },
  },
];

async function withServer<T>(run: (server: TestServer, baseUrl: string) => Promise<T>): Promise<T> {
  const server = await createTestServer();
  const http = await server.listen();
  try {
    return await run(server, http.baseUrl);
  } finally {
    await http.close();
    server.close();
  }
}

const fuzzServer = (server: TestServer, baseUrl: string) => {
  archiveChangeHistory(server.sqlite);
  return {
    baseUrl,
    get sqlite() {
      return server.sqlite;
    },
    restart: () => server.restart(),
  };
};

function fuzzRun(seed: number, options: Partial<FuzzOptions> = {}) {
  let report: FuzzReport | undefined;
  beforeAll(async () => {
    console.log(`sync convergence fuzz: seed ${seed} (replay: FUZZ_SEED=${seed} npx vitest run worker/sync-convergence)`);
    report = await withServer((server, baseUrl) => runFuzz(fuzzServer(server, baseUrl), { seed, ...defaultSize, ...options }));
    console.log(formatReport(report));
  }, 180_000);
  afterAll(() => {
    report = undefined;
  });

  invariantList.forEach(({ id, title }, index) => {
    it(`${id}: ${title}`, () => {
      if (!report) throw new Error(`seed ${seed}: the run did not complete`);
      expect(report.invariants[index]!.failures.map((f) => `seed ${seed}: ${f}`)).toEqual([]);
    });
  });

  it('the run met the faults it is meant to survive', () => {
    if (!report) throw new Error(`seed ${seed}: the run did not complete`);
    const { faults, restarts, conflictsReported, applied, rejected, redownloads } = report;
    expect(applied).toBeGreaterThan(100);
    expect(Math.min(faults.replyLost, faults.duplicate, faults.staleReplay, faults.pullCut, faults.offline)).toBeGreaterThan(0);
    expect(restarts.betweenRequests + restarts.midRequest).toBeGreaterThan(0);
    expect(conflictsReported).toBeGreaterThan(0);
    expect(rejected).toBeGreaterThan(0);
    expect(redownloads).toBeGreaterThan(0);
  });
}

describe('sync convergence under faults', () => {
  for (const seed of seeds) describe(`seed ${seed}`, () => fuzzRun(seed));
  for (const { seed, was, options } of regressions) describe(`seed ${seed} (was: ${was})`, () => fuzzRun(seed, options));
});

describe('the convergence checks can fail', () => {
  // A small run, then one planted fault per invariant: each check must name its own.
  it('each invariant reports the fault planted for it', async () => {
    const report = await withServer((server, baseUrl) =>
      runFuzz(fuzzServer(server, baseUrl), {
        seed: fixedSeed,
        devices: 4,
        ops: 250,
        // No restarts, so no compaction: a conflict kept conservatively after one (S22) has no
        // concurrent row behind it, and the planted silent overwrite needs a real one.
        restartRate: 0,
        faults: { restartMidRequest: 0 },
        tamper: {
          // A record vanishes behind the engine's back, and nobody says so: an unexplained re-download.
          beforeFinalSync: async ({ devices }) => {
            const unit = (await devices[3]!.db.units.orderBy('code').first())!;
            await devices[3]!.db.units.delete(unit.id);
          },
          beforeChecks: async ({ devices, deleted }) => {
            const sqlite = server.sqlite;
            sqlite.prepare("insert into applied_mutations (mutation_id, device_id, seq, result) select 'planted-' || mutation_id, device_id, seq, result from applied_mutations limit 1").run();
            const last = sqlite
              .prepare("select c.seq from change_log c where c.entity = 'inspections' and c.op = 'upsert' and c.seq = (select max(seq) from change_log m where m.entity = c.entity and m.record_id = c.record_id) limit 1")
              .get() as { seq: number };
            // The same damage in the change log and in its archive, which the checks read (history-archive.ts).
            for (const log of ['change_log', historyTable]) sqlite.prepare(`update ${log} set data = json_set(data, '$.notes', 'ditimpa diam-diam') where seq = ?`).run(last.seq);
            const unit = (await devices[0]!.db.units.orderBy('code').first())!;
            await devices[0]!.db.units.update(unit.id, { monthlyRent: unit.monthlyRent + 1 });
            const [gone, silent] = sqlite.prepare("select id, lost_mutation_id lostMutationId, field from conflicts where field != '*' order by version limit 2").all() as {
              id: string;
              lostMutationId: string;
              field: string;
            }[];
            sqlite.prepare('delete from conflicts where id = ?').run(gone!.id);
            for (const log of ['change_log', historyTable]) {
              sqlite.prepare(`delete from ${log} where entity = 'conflicts' and record_id = ?`).run(gone!.id);
              // As if the losing edit had been written over the concurrent one after all.
              sqlite.prepare(`update ${log} set changed_fields = json_insert(changed_fields, '$[#]', ?) where mutation_id = ? and entity != 'conflicts'`).run(silent!.field, silent!.lostMutationId);
            }
            const [entry] = await devices[1]!.db.outbox.toArray();
            if (!entry) await devices[1]!.db.outbox.add({ mutationId: 'planted', seq: 0, entity: 'units', op: 'upsert', recordId: unit.id, baseVersion: null, fields: {}, clientTime: new Date().toISOString(), state: 'pending' });
            const live = (await devices[2]!.db.inspections.toCollection().first())!;
            deleted.add(live.id);
          },
        },
      }),
    );
    const planted: Record<InvariantId, RegExp> = {
      'S2, S3': /2 rows for device#seq/,
      'S1, S13, S14': /field notes = .* is gone/,
      'S7, S8, S17': /differs units\//,
      'S13, S14, S16': /was reported but does not exist/,
      'S1, S8, S2, S17': /outbox entries left/,
      S16: /was deleted on a device but is live on the server/,
      'S5, S17': /whose copy nobody damaged/,
    };
    for (const { id, failures } of report.invariants) expect(failures.join('\n'), id).toMatch(planted[id as InvariantId]);
    expect(report.invariants.find((i) => i.id === 'S13, S14, S16')!.failures.join('\n')).toMatch(/with no conflict record/);
  }, 60_000);
});
