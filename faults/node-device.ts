import type { Inspection, Unit } from '../schema';
import { deleteRecord, saveRecord } from '../worker/local-writes';
import { demoLogins, SimDevice } from '../worker/fuzz/sim-device';
import type { Random } from '../worker/fuzz/random';
import { syncOnce, type SyncOptions, type SyncOutcome } from '../worker/sync-engine';
import { fetchTransport } from '../worker/transport';
import type { SavedWrites } from './user-writes';

/**
 * A phone as Node sees it: the real engine and Dexie (fake-indexeddb, a database of its own),
 * signed in through the fault proxy like any device. Built on the fuzz harness's SimDevice.
 */
export async function nodeDevice(index: number, seed: number, baseUrl: string, login = demoLogins[index % 3]!): Promise<SimDevice> {
  const device = await SimDevice.signIn(index, seed, baseUrl, login);
  device.transport = fetchTransport(baseUrl);
  return device;
}

/** Units by code: ids are random, codes let a seed pick the same one again. */
async function unitsByCode(device: SimDevice): Promise<Unit[]> {
  return (await device.db.units.toArray()).sort((a, b) => a.code.localeCompare(b.code) || a.siteId.localeCompare(b.siteId));
}

/**
 * A user's field work on one device: new inspections, edits and deletions of the inspections this
 * device made (never another's, so that the last value saved is the only right final value). Each
 * save the app would confirm to the user is noted in `saved`.
 */
export class FieldWork {
  private readonly own: string[] = [];
  private count = 0;

  constructor(
    readonly device: SimDevice,
    private readonly saved: SavedWrites,
    private readonly random: Random,
    /** Only units of these regions (all the device holds, if not given). */
    private readonly regionIds?: ReadonlySet<string>,
  ) {}

  async create(): Promise<void> {
    const units = (await unitsByCode(this.device)).filter((u) => !this.regionIds || this.regionIds.has(u.regionId));
    const unit = this.random.pick(units);
    const fields = {
      regionId: unit.regionId,
      unitId: unit.id,
      type: this.random.pick(['move_in', 'periodic', 'move_out', 'complaint'] as const),
      inspectedOn: `2026-${String(this.random.int(1, 12)).padStart(2, '0')}-${String(this.random.int(1, 28)).padStart(2, '0')}`,
      conditionRating: this.random.int(1, 5),
      notes: `${this.device.label} #${++this.count}`,
      inspectorId: this.device.session.user.id,
      recordedAt: new Date().toISOString(),
      latitude: null,
      longitude: null,
      gpsAccuracyM: null,
      checklist: [],
    };
    const result = await saveRecord(this.device.db, 'inspections', undefined, fields);
    if (!result.ok) throw new Error(`${this.device.label}: a valid inspection was refused locally: ${JSON.stringify(result.problems)}`);
    this.own.push(result.id);
    this.saved.noteSaved('inspections', result.id, fields, this.device.label);
  }

  async edit(): Promise<void> {
    const live = await this.liveOwn();
    if (live.length === 0) return this.create();
    const target = this.random.pick(live);
    const fields = { notes: `${this.device.label} #${++this.count} (edit)`, conditionRating: this.random.int(1, 5) };
    const result = await saveRecord(this.device.db, 'inspections', target.id, fields);
    if (!result.ok) throw new Error(`${this.device.label}: a valid edit was refused locally: ${JSON.stringify(result.problems)}`);
    this.saved.noteSaved('inspections', target.id, fields, this.device.label);
  }

  async remove(): Promise<void> {
    const live = await this.liveOwn();
    if (live.length < 3) return this.create();
    const target = this.random.pick(live);
    await deleteRecord(this.device.db, 'inspections', target.id);
    this.saved.noteDeleted('inspections', target.id, this.device.label);
  }

  /** One step of work, mostly new records, some edits, few deletions. */
  async step(): Promise<void> {
    const what = this.random.weighted({ create: 5, edit: 4, remove: 1 });
    if (what === 'create') await this.create();
    else if (what === 'edit') await this.edit();
    else await this.remove();
  }

  private async liveOwn(): Promise<Inspection[]> {
    const held = await this.device.db.inspections.bulkGet(this.own);
    return held.filter((i): i is Inspection => i !== undefined);
  }
}

/**
 * The end of a run: the network is back and the fault is over. Every device syncs, pass after
 * pass, until a whole pass pushes nothing (so each has pulled what the others pushed last) and
 * every outbox is empty; at most `maxPasses` passes. Returns the devices that did not get there.
 */
export async function syncUntilQuiet(devices: readonly SimDevice[], options: SyncOptions = {}, maxPasses = 8): Promise<{ stuck: string[]; redownloads: string[] }> {
  const redownloads: string[] = [];
  const last = new Map<SimDevice, SyncOutcome>();
  for (let pass = 0; pass < maxPasses; pass++) {
    let quiet = true;
    for (const device of devices) {
      const outcome = await syncOnce(device.store, device.transport, options);
      last.set(device, outcome);
      if (outcome.ok) redownloads.push(...outcome.redownloaded.map((r) => `${device.label} re-downloaded region ${r}, whose copy nobody damaged`));
      if (!outcome.ok || outcome.pushed > 0 || (await device.db.outbox.count()) > 0) quiet = false;
    }
    if (quiet) return { stuck: [], redownloads };
  }
  const stuck: string[] = [];
  for (const device of devices) {
    const outcome = last.get(device);
    if (!outcome?.ok || (await device.db.outbox.count()) > 0) stuck.push(`${device.label}: not quiet after ${maxPasses} passes: ${JSON.stringify(outcome)}`);
  }
  if (stuck.length === 0) stuck.push(`devices still pushing after ${maxPasses} passes`);
  return { stuck, redownloads };
}
