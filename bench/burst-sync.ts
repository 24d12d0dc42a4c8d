import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { PROTOCOL_VERSION, SCHEMA_VERSION, uuidv7, versionHeaders, type LoginResponse, type Mutation, type PullResponse } from '../schema';
import { openDatabase } from '../api/storage/sqlite/open-database';
import type { Bench, BenchRow } from './bench-row';
import { peakMemoryMiB, startServer } from './server-process';
import { deviceHttp, type Answer } from './device-http';

/**
 * Burst sync: many devices come back online at once, each with 20–50 pending inspection creates
 * and edits and a pull cursor days old, against the real server as a process of its own. The
 * baseline is raw better-sqlite3 writing the same rows (per mutation the change-log row, the
 * record and the stored answer; per push the device and its region's digest; same tables and
 * indexes, WAL, synced at each commit as the server's commits are) in batched transactions, in
 * the same run, once that server has stopped.
 */
const versions = { [versionHeaders.protocol]: String(PROTOCOL_VERSION), [versionHeaders.schema]: String(SCHEMA_VERSION) };

interface Device {
  id: string;
  token: string;
  mutations: Mutation[];
}

function inspectionCreate(unit: { id: string; regionId: string }, seq: number): Mutation {
  const recordId = uuidv7();
  return {
    id: uuidv7(),
    seq,
    entity: 'inspections',
    op: 'upsert',
    recordId,
    baseVersion: null,
    clientTime: new Date().toISOString(),
    fields: {
      id: recordId,
      regionId: unit.regionId,
      unitId: unit.id,
      type: 'periodic',
      inspectedOn: '2026-11-20',
      conditionRating: 1 + (seq % 5),
      notes: `Pemeriksaan berkala ${seq}: atap, pintu, instalasi listrik`,
      inspectorId: 'bench',
      recordedAt: new Date().toISOString(),
      latitude: null,
      longitude: null,
      gpsAccuracyM: null,
      checklist: [],
    },
  };
}

/** 20–50 mutations: mostly creates, and about a third edits of the device's own earlier creates. */
function pendingWork(units: { id: string; regionId: string }[], count: number): Mutation[] {
  const mutations: Mutation[] = [];
  for (let seq = 1; seq <= count; seq++) {
    const created = mutations.filter((m) => m.baseVersion === null && m.fields.unitId);
    if (created.length > 0 && seq % 3 === 0) {
      const target = created[seq % created.length]!;
      mutations.push({ id: uuidv7(), seq, entity: 'inspections', op: 'upsert', recordId: target.recordId, baseVersion: null, clientTime: new Date().toISOString(), fields: { notes: `Diperbarui ${seq}`, conditionRating: 1 + ((seq + 1) % 5) } });
    } else {
      mutations.push(inspectionCreate(units[seq % units.length]!, seq));
    }
  }
  return mutations;
}

/** Connections the kernel dropped because a listen queue was full, machine-wide so far (Linux; 0 elsewhere). */
function listenOverflows(): number {
  try {
    const lines = fs.readFileSync('/proc/net/netstat', 'utf8').split('\n').filter((line) => line.startsWith('TcpExt:'));
    const names = lines[0]!.split(' ');
    return Number(lines[1]!.split(' ')[names.indexOf('ListenOverflows')]) || 0;
  } catch {
    return 0;
  }
}

/** User plus system CPU time of a process so far, in seconds (Linux /proc; 0 elsewhere). */
function cpuSeconds(pid: number): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

/**
 * Raw better-sqlite3: the same rows the server writes, batched, in a fresh database with the
 * server's schema. For each mutation the change-log row, the record and its stored answer (S3),
 * and for each push the device's row and its region's digest. `storedAnswers: false` writes only
 * the change-log row and the record: the baseline until 2026-11-26, still reported beside it.
 */
function rawBaseline(devices: Device[], storedAnswers: boolean): number {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hunian-raw-'));
  const { sqlite, close } = openDatabase(path.join(dir, 'raw.sqlite'));
  const insertChange = sqlite.prepare(
    `insert into change_log (entity, record_id, region_id, op, data, changed_fields, user_id, device_id, mutation_id, server_time) values ('inspections', ?, ?, 'upsert', ?, ?, 'u', ?, ?, ?)`,
  );
  const upsert = sqlite.prepare(
    `insert into inspections (id, region_id, unit_id, type, inspected_on, condition_rating, notes, inspector_id, recorded_at, version, deleted, updated_at, updated_by)
     values (@id, @regionId, @unitId, @type, @inspectedOn, @conditionRating, @notes, @inspectorId, @recordedAt, @version, 0, @t, 'u')
     on conflict (id) do update set notes = excluded.notes, condition_rating = excluded.condition_rating, version = excluded.version, updated_at = excluded.updated_at`,
  );
  const insertAnswer = sqlite.prepare(`insert into applied_mutations (mutation_id, device_id, seq, result, entity, record_id) values (?, ?, ?, ?, 'inspections', ?)`);
  const upsertDevice = sqlite.prepare(
    `insert into devices (id, user_id, last_mutation_seq, schema_version, first_seen_at, last_seen_at) values (?, 'u', ?, ${SCHEMA_VERSION}, ?, ?)
     on conflict (id) do update set last_mutation_seq = excluded.last_mutation_seq, last_seen_at = excluded.last_seen_at`,
  );
  const upsertDigest = sqlite.prepare(
    `insert into region_digests (region_id, record_count, hash) values (?, ?, '00000000000000000000000000000000')
     on conflict (region_id) do update set record_count = record_count + excluded.record_count, hash = excluded.hash`,
  );
  const records = new Map<string, Record<string, unknown>>();
  const rows = devices.flatMap((d) => d.mutations.map((m, i) => ({ device: d.id, m, last: i === d.mutations.length - 1 })));
  const t = new Date().toISOString();
  const started = performance.now();
  const batch = sqlite.transaction((slice: typeof rows) => {
    for (const { device, m, last } of slice) {
      const record = { ...(records.get(m.recordId) ?? {}), ...m.fields };
      records.set(m.recordId, record);
      const { lastInsertRowid } = insertChange.run(m.recordId, record.regionId, JSON.stringify(record), m.baseVersion === null && m.fields.unitId ? null : JSON.stringify(Object.keys(m.fields)), device, m.id, t);
      upsert.run({ ...record, version: Number(lastInsertRowid), t });
      if (!storedAnswers) continue;
      insertAnswer.run(m.id, device, m.seq, JSON.stringify({ mutationId: m.id, seq: m.seq, status: 'applied', appliedSeq: Number(lastInsertRowid) }), m.recordId);
      if (last) {
        upsertDevice.run(device, m.seq, t, t);
        upsertDigest.run(record.regionId, 1);
      }
    }
  });
  for (let i = 0; i < rows.length; i += 1000) batch(rows.slice(i, i + 1000));
  const seconds = (performance.now() - started) / 1000;
  close();
  fs.rmSync(dir, { recursive: true, force: true });
  return rows.length / seconds;
}

/** What one burst measured. */
interface BurstRun {
  mutations: number;
  mutationsPerSecond: number;
  raw: number;
  ratio: number;
  /** The raw rate of the change-log row and the record alone, and the ratio against it. */
  rawTwoTables: number;
  ratioTwoTables: number;
  pullRowsPerSecond: number;
  pushMs: number[];
  errors: number;
  failures: Map<string, number>;
  resets: number;
  overflows: number;
  burstSeconds: number;
  pushSeconds: number;
  serverCpu: number;
  mainCpu: number;
  /** The push phase, thread by thread; the push thread is the busiest but the main one (decision 021), in every run seen. */
  pushPhase: PushPhaseTimes;
  clientCpu: number;
  memory: number | null;
}

/** Each thread's CPU time so far and its time runnable but waiting for a core, in seconds, by thread id (Linux schedstat; empty elsewhere). */
function threadTimes(pid: number): Map<number, { cpu: number; wait: number }> {
  const found = new Map<number, { cpu: number; wait: number }>();
  let tasks: string[] = [];
  try {
    tasks = fs.readdirSync(`/proc/${pid}/task`);
  } catch {
    return found; // not Linux, or the process is gone
  }
  for (const task of tasks) {
    try {
      const [cpu, wait] = fs.readFileSync(`/proc/${pid}/task/${task}/schedstat`, 'utf8').split(' ').map(Number);
      found.set(Number(task), { cpu: cpu! / 1e9, wait: wait! / 1e9 });
    } catch {
      // a thread that ended meanwhile
    }
  }
  return found;
}

/** Where the server's threads spent the push phase: the push thread, the main thread, and the rest (V8's GC and compiler threads, the WAL sync, the checkpointer, libuv's pool). */
interface PushPhaseTimes {
  pushThread: { cpu: number; wait: number };
  main: { cpu: number; wait: number };
  others: number;
  client: number;
}

function pushPhaseTimes(pid: number, before: Map<number, { cpu: number; wait: number }>, after: Map<number, { cpu: number; wait: number }>, client: number): PushPhaseTimes {
  const times: PushPhaseTimes = { pushThread: { cpu: 0, wait: 0 }, main: { cpu: 0, wait: 0 }, others: 0, client };
  for (const [thread, now] of after) {
    const then = before.get(thread) ?? { cpu: 0, wait: 0 };
    const spent = { cpu: now.cpu - then.cpu, wait: now.wait - then.wait };
    if (thread === pid) times.main = spent;
    else if (spent.cpu > times.pushThread.cpu) {
      times.others += times.pushThread.cpu;
      times.pushThread = spent;
    } else times.others += spent.cpu;
  }
  return times;
}

/** Pages each device pulls after its push (BENCH_PULL_PAGES; 0 measures the pushes alone). */
const pullPages = process.env.BENCH_PULL_PAGES === undefined ? 2 : Number(process.env.BENCH_PULL_PAGES);

async function burstOnce(deviceCount: number, historyPerRegion: number): Promise<BurstRun> {
  // The small demo data: the data that matters here is the bench's own (history and burst).
  const server = await startServer({ HUNIAN_SEED: 'small' });
  const devicesHttp = deviceHttp(server.baseUrl);
  const { send, post } = devicesHttp;
  let measured: Omit<BurstRun, 'raw' | 'ratio' | 'rawTwoTables' | 'ratioTwoTables'>;
  let burstDevices: Device[];
  try {
    const officers: { token: string; units: { id: string; regionId: string }[] }[] = [];
    const view = new Database(server.dbPath, { readonly: true });
    for (const username of ['petugas', 'petugas.jaktim']) {
      const login = (await post('/api/auth/login', { username, password: 'petugas123' })).json() as LoginResponse;
      const units = view.prepare('select id, region_id regionId from units where region_id = ?').all(login.user.regionIds[0]) as { id: string; regionId: string }[];
      officers.push({ token: login.token, units });
    }
    view.close();

    // History the devices have not seen yet: their cursor is from before it ("days old").
    const oldCursor = 0;
    for (const officer of officers) {
      const history = pendingWork(officer.units, historyPerRegion);
      const historyDevice = uuidv7();
      for (let i = 0; i < history.length; i += 500) {
        const response = await post('/api/sync/push', { protocolVersion: PROTOCOL_VERSION, schemaVersion: SCHEMA_VERSION, deviceId: historyDevice, mutations: history.slice(i, i + 500) }, officer.token);
        if (!response.ok) throw new Error(`history push: ${response.status} ${response.text}`);
      }
    }

    const devices: Device[] = Array.from({ length: deviceCount }, (_, i) => {
      const officer = officers[i % officers.length]!;
      return { id: uuidv7(), token: officer.token, mutations: pendingWork(officer.units, 20 + ((i * 7) % 31)) };
    });

    // Each device's push is serialised before the clock starts, as a phone has its own CPU for it.
    const pushBodies = devices.map((device) => JSON.stringify({ protocolVersion: PROTOCOL_VERSION, schemaVersion: SCHEMA_VERSION, deviceId: device.id, mutations: device.mutations }));
    let errors = 0;
    let pulledRows = 0;
    let appliedMutations = 0;
    const pushMs: number[] = [];
    let pullSpanStart = Infinity;
    let pullSpanEnd = 0;
    const serverCpuBefore = cpuSeconds(server.child.pid!);
    const threadsBefore = threadTimes(server.child.pid!);
    let pushPhase: PushPhaseTimes | undefined;
    let pushesSettled = 0;
    const clientCpuBefore = process.cpuUsage();
    const overflowsBefore = listenOverflows();
    const burstStart = performance.now();
    let pushEnd = 0;
    const failures = new Map<string, number>();
    await Promise.all(
      devices.map(async (device, index) => {
       try {
        const t0 = performance.now();
        let response: Answer;
        try {
          response = await send('POST', '/api/sync/push', { 'content-type': 'application/json', authorization: `Bearer ${device.token}` }, pushBodies[index]);
        } finally {
          // The push phase ends when the last push is answered or has failed.
          if (++pushesSettled === devices.length) {
            const client = process.cpuUsage(clientCpuBefore);
            pushPhase = pushPhaseTimes(server.child.pid!, threadsBefore, threadTimes(server.child.pid!), (client.user + client.system) / 1e6);
          }
        }
        const body = response.json() as { results?: { status: string }[] };
        if (response.ok) appliedMutations += body.results?.filter((r) => r.status === 'applied').length ?? 0;
        pushMs.push(performance.now() - t0);
        pushEnd = Math.max(pushEnd, performance.now());
        const failed = (kind: string, answer: Answer) => {
          errors++;
          let code = 'not applied';
          if (!answer.ok) {
            try {
              code = String((answer.json() as { error?: string }).error);
            } catch {
              code = answer.text.slice(0, 40);
            }
          }
          const reason = `${kind} ${answer.status} ${code}`;
          failures.set(reason, (failures.get(reason) ?? 0) + 1);
        };
        if (!response.ok || body.results?.some((r) => r.status !== 'applied')) failed('push', response);
        // Then the device catches up from its old cursor: up to two pages of 500.
        let cursor = oldCursor;
        pullSpanStart = Math.min(pullSpanStart, performance.now());
        for (let page = 0; page < pullPages; page++) {
          const pulled = await send('GET', `/api/sync/pull?cursor=${cursor}&limit=500`, { authorization: `Bearer ${device.token}`, ...versions });
          if (!pulled.ok) {
            failed('pull', pulled);
            break;
          }
          const result = pulled.json() as PullResponse;
          pulledRows += result.changes.length;
          cursor = result.cursor;
          if (!result.hasMore) break;
        }
        pullSpanEnd = Math.max(pullSpanEnd, performance.now());
        // As the engine ends every round that reached the server (S26): a write on the main thread's connection.
        const report = await post('/api/sync/device-report', { deviceId: device.id, appVersion: 'bench', schemaVersion: SCHEMA_VERSION, protocolVersion: PROTOCOL_VERSION, pendingCount: 0, pendingUploads: 0, lastSyncAt: new Date().toISOString() }, device.token);
        if (!report.ok) failed('device report', report);
       } catch (error) {
        // A refused or reset connection is an error of the burst, not of the benchmark.
        errors++;
        const code = String((error as { code?: string }).code ?? error);
        failures.set(code, (failures.get(code) ?? 0) + 1);
       }
      }),
    );
    const serverCpu = cpuSeconds(server.child.pid!) - serverCpuBefore;
    // The server's main thread (its thread id is its pid): requests, sessions, pulls.
    const mainCpu = (threadTimes(server.child.pid!).get(server.child.pid!)?.cpu ?? 0) - (threadsBefore.get(server.child.pid!)?.cpu ?? 0);
    const clientCpuUsed = process.cpuUsage(clientCpuBefore);
    const clientCpu = (clientCpuUsed.user + clientCpuUsed.system) / 1e6;
    const overflows = listenOverflows() - overflowsBefore;
    const burstSeconds = (performance.now() - burstStart) / 1000;
    const mutations = devices.reduce((n, d) => n + d.mutations.length, 0);
    // Only what was applied counts (with errors, the goal is missed anyway).
    const mutationsPerSecond = appliedMutations / ((pushEnd - burstStart) / 1000);
    const pullRowsPerSecond = pulledRows / ((pullSpanEnd - pullSpanStart) / 1000);
    pushMs.sort((a, b) => a - b);
    const memory = peakMemoryMiB(server.child.pid!);
    measured = {
      mutations,
      mutationsPerSecond,
      pullRowsPerSecond,
      pushMs,
      errors,
      failures,
      resets: devicesHttp.resets,
      overflows,
      burstSeconds,
      pushSeconds: (pushEnd - burstStart) / 1000,
      serverCpu,
      mainCpu,
      // Set when the last push settled, which every push does before Promise.all resolves.
      pushPhase: pushPhase!,
      clientCpu,
      memory,
    };
    burstDevices = devices;
  } finally {
    devicesHttp.close();
    await server.stop();
  }
  // With the server stopped. The reported rate is the faster of two measurements either side of
  // the two-table one, so that whatever the machine is still doing just after the burst (writing
  // back the burst's pages) does not make the baseline slow and the ratio high.
  const first = rawBaseline(burstDevices, true);
  const rawTwoTables = rawBaseline(burstDevices, false);
  const raw = Math.max(first, rawBaseline(burstDevices, true));
  return { ...measured, raw, ratio: measured.mutationsPerSecond / raw, rawTwoTables, ratioTwoTables: measured.mutationsPerSecond / rawTwoTables };
};

/**
 * The burst, `BENCH_BURST_RUNS` times (5; once in the smoke run), each on a fresh server with its
 * own raw baseline right after it: on a shared 2-core machine one burst's ratio moved by a third
 * from run to run. The run with the median ratio is reported, with the others' in its note.
 */
export const bench: Bench = async ({ smoke }) => {
  const deviceCount = Number(process.env.BENCH_DEVICES) || (smoke ? 20 : 1000);
  const historyPerRegion = smoke ? 50 : 2000;
  const count = smoke ? 1 : Number(process.env.BENCH_BURST_RUNS) || 5;
  const runs: BurstRun[] = [];
  for (let i = 0; i < count; i++) runs.push(await burstOnce(deviceCount, historyPerRegion));
  const byRatio = [...runs].sort((a, b) => a.ratio - b.ratio);
  const run = byRatio[Math.floor((byRatio.length - 1) / 2)]!;
  const { mutations, pushMs, errors, resets, overflows, failures } = run;
  const name = `burst sync (${deviceCount} devices, ${mutations} mutations)`;
  const p99 = percentile(pushMs, 99);
  const cores = os.cpus().length;
  const { pushThread, main, others, client } = run.pushPhase;
  const perMutationUs = (pushThread.cpu * 1e6) / mutations;
  const all = runs.length > 1 ? ` Median of ${runs.length} runs; ratios ${runs.map((r) => r.ratio.toFixed(2)).join(', ')} (${runs.map((r) => r.ratioTwoTables.toFixed(2)).join(', ')} against the two tables).` : '';
  const rows: BenchRow[] = [
    {
      benchmark: name,
      metric: 'mutations applied/s',
      value: run.mutationsPerSecond,
      unit: 'rows/s',
      baseline: run.raw,
      baselineLabel: 'raw better-sqlite3, the same rows, batches of 1,000',
      goal: '≥ 0.5 × raw',
      met: run.ratio >= 0.5,
      note:
        `The raw rate writes the rows the server writes: for each mutation its change-log row, the record and the stored answer (S3), and for each push the device and its region's digest. Against the change-log row and the record alone (the baseline until 2026-11-26): ${Math.round(run.rawTwoTables).toLocaleString('en')} rows/s, ratio ${run.ratioTwoTables.toFixed(2)}.` +
        (run.ratio >= 0.5
          ? ''
          : ` ${(run.ratio / 0.5).toFixed(2)} of the goal. The push thread applies every mutation, on one core: of the ${run.pushSeconds.toFixed(1)} s the pushes took, it (the server’s busiest thread but the main one) ran ${pushThread.cpu.toFixed(1)} s, about ${perMutationUs.toFixed(0)} µs a mutation (the same writes, and the checks, validation and merges that decide them), while the raw rate needs ${(1e6 / run.raw).toFixed(0)} µs, and it waited ${pushThread.wait.toFixed(1)} s for a core. The ${cores} cores were shared meanwhile with the main thread (${main.cpu.toFixed(1)} s: it reads the pushes in, and serves the pulls and device reports of the devices already answered), the server's other threads (${others.toFixed(1)} s: V8's garbage collector and compiler, the WAL sync, the checkpointer) and these devices (${client.toFixed(1)} s; decision 021).`) + all,
    },
    { benchmark: name, metric: 'pull rows/s (old cursor, pages of 500, during the burst)', value: run.pullRowsPerSecond, unit: 'rows/s', baseline: null, baselineLabel: '', goal: 'reported', met: true },
    { benchmark: name, metric: 'push latency p50', value: percentile(pushMs, 50), unit: 'ms', baseline: null, baselineLabel: '', goal: 'reported', met: true },
    { benchmark: name, metric: 'push latency p95', value: percentile(pushMs, 95), unit: 'ms', baseline: null, baselineLabel: '', goal: 'reported', met: true },
    {
      benchmark: name,
      metric: 'push latency p99',
      value: p99,
      unit: 'ms',
      baseline: null,
      baselineLabel: '',
      goal: '< 2000 ms',
      met: p99 < 2000,
      note:
        (p99 < 2000 ? '' : `${(p99 - 2000).toFixed(0)} ms over: all ${deviceCount} pushes arrive at once, and the last is answered when the push thread has applied them all (${run.pushSeconds.toFixed(1)} s).`) +
        (runs.length > 1 ? ` p99 of each run: ${runs.map((r) => `${percentile(r.pushMs, 99).toFixed(0)} ms`).join(', ')}.` : ''),
    },
    {
      benchmark: name,
      metric: 'errors (non-200 or not applied)',
      value: errors,
      unit: '',
      baseline: null,
      baselineLabel: '',
      goal: '= 0',
      met: runs.every((r) => r.errors === 0),
      ...(runs.every((r) => r.errors === 0 && r.resets === 0 && r.overflows === 0)
        ? {}
        : {
            note: [
              errors === 0 ? 'none' : `${errors} devices failed: ${[...failures].map(([code, n]) => `${n} × ${code}`).join(', ') || 'non-200 answers'}`,
              `${resets} requests met a reset kept-alive connection and were sent again once`,
              `${overflows} connections found a listen queue full (kernel counter, whole machine) and were sent again by TCP 1–7 s later`,
              ...(runs.length > 1 ? [`errors of each run: ${runs.map((r) => (r.errors === 0 ? '0' : `${r.errors} (${[...r.failures].map(([code, n]) => `${n} × ${code}`).join(', ')})`)).join('; ')}`] : []),
            ].join('; '),
          }),
    },
    {
      benchmark: name,
      metric: 'server CPU time during the burst (pushes and pulls)',
      value: run.serverCpu,
      unit: 's',
      baseline: null,
      baselineLabel: '',
      goal: 'reported',
      met: true,
      note: `over ${run.burstSeconds.toFixed(1)} s of wall time, on ${cores} cores shared with the devices (their process: ${run.clientCpu.toFixed(1)} s of CPU): the main thread ${run.mainCpu.toFixed(1)} s, the other threads (the push thread, GC, I/O, checkpoints) ${(run.serverCpu - run.mainCpu).toFixed(1)} s`,
    },
    { benchmark: name, metric: 'server peak memory (VmHWM)', value: run.memory ?? 0, unit: 'MiB', baseline: null, baselineLabel: '', goal: 'reported', met: true },
  ];
  return rows.map((row) => (row.note === '' ? (({ note: _, ...rest }) => rest)(row) : row));
};
