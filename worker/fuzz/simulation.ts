import { verifyEveryMs } from '../dexie-sync-store';
import { syncOnce, type SyncOutcome } from '../sync-engine';
import { fetchTransport } from '../transport';
import { faultKinds, faultyTransport, noFaults, type FaultKind, type FaultRates } from './faulty-transport';
import { checkInvariants, type InvariantResult, type SqliteReader } from './invariants';
import { PushLedger } from './push-ledger';
import { Random } from './random';
import { demoLogins, SimDevice, World } from './sim-device';

/** The real server, as the simulation needs it. A restart swaps in a fresh app on the same file and port. */
export interface FuzzServer {
  readonly baseUrl: string;
  /** The server's current write connection: a restart opens a new one. */
  readonly sqlite: SqliteReader;
  restart(): void;
}

export interface FuzzOptions {
  seed: number;
  devices: number;
  /** Steps of the seeded loop; each is one local write, a sync round, or a change of conditions. */
  ops: number;
  faults?: Partial<FaultRates>;
  /** Chance per step of a server restart between requests (restarts in flight are a fault kind). */
  restartRate?: number;
  /** Chance per step of a write the server will refuse (S15). */
  invalidRate?: number;
  /** Traces everything one device does and is told, to narrow a failing seed down. */
  traceDevice?: number;
  /** Progress lines (for the script); the test stays quiet. */
  progress?: (line: string) => void;
  /** Plants faults of its own, to prove that each check can fail (the test's self-check). */
  tamper?: {
    beforeFinalSync?: (run: TamperContext) => Promise<void>;
    beforeChecks?: (run: TamperContext) => Promise<void>;
  };
}

export interface TamperContext {
  devices: readonly SimDevice[];
  /** Records deleted on devices (S16). */
  deleted: Set<string>;
}

export const defaultFaults: FaultRates = {
  offline: 0.08,
  replyLost: 0.1,
  duplicate: 0.08,
  staleReplay: 0.08,
  pullCut: 0.05,
  snapshotCut: 0.1,
  restartMidRequest: 0.02,
};

const actionWeights = {
  createInspection: 12,
  editInspection: 30,
  deleteInspection: 4,
  editUnit: 8,
  resolveConflict: 2,
  sync: 34,
  toggleOnline: 5,
  discardRejected: 2,
  damage: 1,
} as const;
export type Action = keyof typeof actionWeights | 'invalidWrite';

export interface FuzzReport {
  seed: number;
  devices: number;
  ops: number;
  durationMs: number;
  actions: Record<Action, number>;
  syncRounds: { ok: number; failed: Record<string, number> };
  pushRequests: number;
  mutationsPushed: number;
  applied: number;
  rejected: number;
  conflictsReported: number;
  faults: Record<FaultKind | 'deviceOffline', number>;
  restarts: { betweenRequests: number; midRequest: number };
  finalPasses: number;
  /** Regions re-downloaded after a digest mismatch (S17). */
  redownloads: number;
  invariants: InvariantResult[];
}

async function outboxSummary(device: SimDevice): Promise<string> {
  const entries = (await device.db.outbox.toArray()).sort((a, b) => a.seq - b.seq);
  return entries.map((e) => `${e.seq}:${e.mutationId.slice(-6)}:${e.state[0]}`).join(' ') || 'empty';
}

/** What the device was told when a whole push or pull failed, by kind and code: 409s and 5xx show here. */
async function failureKey(device: SimDevice, outcome: Extract<SyncOutcome, { ok: false }>) {
  const code = (await device.db.getMeta('syncStatus'))?.lastError?.code;
  return `${outcome.kind}${code ? ` ${code}` : ''}${outcome.message.startsWith('fuzz: ') ? ` (${outcome.message.slice(6)})` : ''}`;
}

/**
 * Runs N devices with the real engine and Dexie (fake-indexeddb) against the real server over
 * HTTP, through seeded faults and restarts, then syncs everything with faults off and checks the
 * invariants. Steps run one after another, so a seed replays the same run.
 */
export async function runFuzz(server: FuzzServer, options: FuzzOptions): Promise<FuzzReport> {
  const started = Date.now();
  const random = new Random(options.seed);
  const ledger = new PushLedger();
  const world = new World();
  const rates = { ...defaultFaults, ...options.faults };
  let faultsOn = true;
  const injected = Object.fromEntries([...faultKinds, 'deviceOffline'].map((k) => [k, 0])) as FuzzReport['faults'];
  const restarts = { betweenRequests: 0, midRequest: 0 };
  const actions = Object.fromEntries([...Object.keys(actionWeights), 'invalidWrite'].map((k) => [k, 0])) as Record<Action, number>;
  const syncRounds = { ok: 0, failed: {} as Record<string, number> };
  let redownloads = 0;
  const unexplainedRedownloads: string[] = [];

  const devices: SimDevice[] = [];
  for (let i = 0; i < options.devices; i++) {
    const device = await SimDevice.signIn(i, options.seed, server.baseUrl, demoLogins[i % demoLogins.length]!);
    device.transport = faultyTransport(fetchTransport(server.baseUrl), {
      random,
      ledger,
      injected,
      rates: () => (faultsOn ? rates : noFaults),
      online: () => device.online || !faultsOn,
      restartServer: () => {
        restarts.midRequest++;
        server.restart();
      },
      ...(options.traceDevice === i ? { trace: (line: string) => console.log(`[trace ${device.label}] ${line}`) } : {}),
    });
    devices.push(device);
  }

  async function sync(device: SimDevice, sizes = { pushBatchSize: random.int(1, 12), pullPageSize: random.pick([3, 10, 40, 200, 500]) }) {
    const outcome = await syncOnce(device.store, device.transport, sizes);
    // A digest mismatch (S17) must be damage done on purpose; any other means pulls lost the way.
    for (const regionId of outcome.ok ? outcome.redownloaded : []) {
      redownloads++;
      if (!device.damagedRegions.delete(regionId)) unexplainedRedownloads.push(`${device.label} re-downloaded region ${regionId}, whose copy nobody damaged`);
    }
    if (options.traceDevice === device.index) console.log(`[trace ${device.label}] sync ${JSON.stringify(outcome)}`);
    if (outcome.ok) syncRounds.ok++;
    else {
      const key = await failureKey(device, outcome);
      syncRounds.failed[key] = (syncRounds.failed[key] ?? 0) + 1;
    }
    return outcome;
  }

  // Every device starts from a full copy, as after its first sign-in online.
  faultsOn = false;
  for (const device of devices) await sync(device);
  faultsOn = true;

  for (let step = 0; step < options.ops; step++) {
    if (options.progress && step > 0 && step % 1000 === 0) options.progress(`step ${step}/${options.ops} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
    const device = random.pick(devices);
    // Written into notes, so that every value is distinct and a lost one can be traced to its step.
    const tag = `s${step}/d${device.index}`;
    if (random.chance(options.restartRate ?? 0.01)) {
      restarts.betweenRequests++;
      server.restart();
    }
    const action: Action = random.chance(options.invalidRate ?? 0.01) ? 'invalidWrite' : random.weighted(actionWeights);
    actions[action]++;
    let wrote = false;
    switch (action) {
      case 'createInspection':
        wrote = await device.createInspection(random, world, tag);
        break;
      case 'editInspection':
        wrote = (await device.editInspection(random, world, tag)) || (await device.createInspection(random, world, tag));
        break;
      case 'deleteInspection':
        wrote = await device.deleteInspection(random, world);
        break;
      case 'editUnit':
        wrote = device.isOffice ? await device.editUnit(random) : await device.editInspection(random, world, tag);
        break;
      case 'resolveConflict':
        wrote = device.isOffice && (await device.resolveConflict(random));
        break;
      case 'invalidWrite':
        // An officer's unit change is refused for its role; anyone's out-of-range rating for its value.
        wrote = device.isOffice ? await device.createInspection(random, world, tag, true) : await device.editUnit(random);
        break;
      case 'discardRejected':
        await device.discardAllRejected();
        break;
      case 'damage':
        await device.damage(random);
        break;
      case 'toggleOnline':
        device.online = !device.online;
        break;
      case 'sync':
        await sync(device);
        break;
    }
    // The app starts a round after each local write (S10); out of coverage it simply fails.
    if (wrote && random.chance(0.3)) await sync(device);
    if (options.traceDevice === device.index) console.log(`[trace ${device.label}] step ${step}: ${action}${wrote ? ' (wrote)' : ''}; outbox ${await outboxSummary(device)}`);
  }

  // The end of the run: network back, faults off, refused changes discarded, sync until quiet.
  faultsOn = false;
  await options.tamper?.beforeFinalSync?.({ devices, deleted: world.deleted });
  // An hour passes: each device checks every region's digest again, so any damage is found (S17).
  for (const device of devices) {
    const verified = await device.db.getMeta('verifiedDigests');
    if (verified) await device.db.setMeta('verifiedDigests', { ...verified, at: verified.at - verifyEveryMs });
  }
  let finalPasses = 0;
  for (let quiet = false; !quiet && finalPasses < 8; finalPasses++) {
    quiet = true;
    for (const device of devices) {
      if ((await device.discardAllRejected()) > 0) quiet = false;
      const outcome = await sync(device, { pushBatchSize: 100, pullPageSize: 500 });
      if (!outcome.ok || outcome.pushed > 0 || outcome.redownloaded.length > 0) quiet = false;
    }
  }

  await options.tamper?.beforeChecks?.({ devices, deleted: world.deleted });
  const invariants = await checkInvariants(server, devices, ledger, world.deleted, unexplainedRedownloads);
  for (const device of devices) device.db.close();
  return {
    seed: options.seed,
    devices: options.devices,
    ops: options.ops,
    durationMs: Date.now() - started,
    actions,
    syncRounds,
    pushRequests: ledger.pushRequests,
    mutationsPushed: ledger.sent.size,
    applied: ledger.count('applied'),
    rejected: ledger.count('rejected'),
    conflictsReported: ledger.reportedConflicts().length,
    faults: injected,
    restarts,
    finalPasses,
    redownloads,
    invariants,
  };
}
