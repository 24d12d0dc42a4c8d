import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { EntityName, Inspection, Unit } from '../../schema';
import { unitStatuses } from '../../schema/entities/unit';
import { dexieSyncStore } from '../dexie-sync-store';
import { LocalDb } from '../local-db';
import { deleteRecord, discardRejected, saveRecord } from '../local-writes';
import type { Session } from '../session';
import { signIn } from '../sign-in';
import type { SyncStore } from '../sync-store';
import type { Transport } from '../transport';
import type { Random } from './random';

export const demoLogins = [
  { username: 'petugas', password: 'petugas123' },
  { username: 'petugas.jaktim', password: 'petugas123' },
  { username: 'kantor', password: 'kantor123' },
  { username: 'admin', password: 'admin123' },
] as const;

/** Inspections kept per region on a device before creating one turns into deleting one. */
const inspectionsPerRegion = 24;
/** How many records of each kind, per region or site, most edits go to. */
const hotCount = 3;

/**
 * What all devices of a run share: the order in which inspections were made (uuidv7 ids are not
 * ordered within one millisecond, so picking by id would not replay), and the hot set.
 */
export class World {
  private readonly inspections = new Map<string, string[]>();
  private readonly order = new Map<string, number>();
  /** Every record a device deleted: none may be live at the end (S16). */
  readonly deleted = new Set<string>();

  noteCreated(regionId: string, id: string) {
    this.order.set(id, this.order.size);
    const list = this.inspections.get(regionId) ?? [];
    list.push(id);
    this.inspections.set(regionId, list);
  }

  rank(id: string): number {
    return this.order.get(id) ?? Number.MAX_SAFE_INTEGER;
  }

  /** The few oldest inspections of each region not deleted yet: most edits go to them. */
  hotInspections(): Set<string> {
    const hot = new Set<string>();
    for (const list of this.inspections.values()) for (const id of list.filter((i) => !this.deleted.has(i)).slice(0, hotCount)) hot.add(id);
    return hot;
  }
}

export class SimDevice {
  readonly store: SyncStore;
  online = true;
  /** Regions whose copy was damaged on purpose: the only ones a digest check may find wrong. */
  readonly damagedRegions = new Set<string>();
  transport!: Transport;

  private constructor(
    readonly index: number,
    readonly db: LocalDb,
    readonly session: Session,
  ) {
    this.store = dexieSyncStore(db);
  }

  static async signIn(index: number, seed: number, baseUrl: string, login: { username: string; password: string }) {
    const db = new LocalDb(`fuzz-${seed}-${index}`, { indexedDB: new IDBFactory(), IDBKeyRange });
    await signIn(db, baseUrl, login.username, login.password);
    return new SimDevice(index, db, (await db.getMeta('session'))!);
  }

  get isOffice(): boolean {
    return this.session.user.role !== 'field_officer';
  }

  get label(): string {
    return `device ${this.index} (${this.session.user.username})`;
  }

  /** Units by site name and code: ids are random, so only names give an order a seed can replay. */
  private async units(): Promise<Unit[]> {
    const siteNames = new Map((await this.db.sites.toArray()).map((site) => [site.id, site.name]));
    const key = (u: Unit) => `${siteNames.get(u.siteId) ?? ''}/${u.code}`;
    return (await this.db.units.toArray()).sort((a, b) => key(a).localeCompare(key(b)));
  }

  /** This device's live inspections, in the order they were made. */
  private async inspections(world: World): Promise<Inspection[]> {
    return (await this.db.inspections.toArray()).sort((a, b) => world.rank(a.id) - world.rank(b.id));
  }

  async createInspection(random: Random, world: World, tag: string, tamper = false): Promise<boolean> {
    const units = await this.units();
    if (units.length === 0) return false;
    const unit = random.pick(units);
    const held = (await this.inspections(world)).filter((i) => i.regionId === unit.regionId);
    if (held.length >= inspectionsPerRegion && !tamper) return this.deleteInspection(random, world);
    const saved = await saveRecord(this.db, 'inspections', undefined, {
      regionId: unit.regionId,
      unitId: unit.id,
      type: random.pick(['move_in', 'periodic', 'move_out', 'complaint'] as const),
      inspectedOn: `2026-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`,
      conditionRating: random.int(1, 5),
      notes: `dibuat ${tag}`,
      inspectorId: this.session.user.id,
      recordedAt: new Date().toISOString(),
      latitude: null,
      longitude: null,
      gpsAccuracyM: null,
      checklist: [],
    });
    if (!saved.ok) throw new Error(`${this.label}: a valid inspection was refused locally: ${JSON.stringify(saved.problems)}`);
    world.noteCreated(unit.regionId, saved.id);
    // A mutation the server will never accept (as an older app with a looser form could send).
    if (tamper) await this.db.outbox.where('recordId').equals(saved.id).modify((e) => void (e.fields.conditionRating = 9));
    return true;
  }

  /** Changes the notes, the rating or both; mostly of a hot record, so that devices collide. */
  async editInspection(random: Random, world: World, tag: string): Promise<boolean> {
    const held = await this.inspections(world);
    if (held.length === 0) return false;
    const hot = world.hotInspections();
    const hotHeld = held.filter((i) => hot.has(i.id));
    const target = hotHeld.length > 0 && random.chance(0.75) ? random.pick(hotHeld) : random.pick(held);
    const change = random.weighted({ notes: 2, rating: 2, both: 1 });
    const fields = {
      ...(change !== 'rating' ? { notes: `catatan ${tag}` } : {}),
      ...(change !== 'notes' ? { conditionRating: random.int(1, 5) } : {}),
    };
    const saved = await saveRecord(this.db, 'inspections', target.id, fields);
    if (saved.ok) return saved.changed;
    // The record shows a refused out-of-range rating (S15): the user fixes it along with the edit,
    // which folds the refused change into the new mutation.
    const refused = await this.db.outbox.where('recordId').equals(target.id).and((e) => e.state === 'rejected').count();
    if (refused > 0 && saved.problems.every((p) => p.field === 'conditionRating')) return this.save('inspections', target.id, { ...fields, conditionRating: random.int(1, 5) });
    throw new Error(`${this.label}: a valid inspections change was refused locally: ${JSON.stringify(saved.problems)}`);
  }

  /**
   * Deletes a draft of this device (a record not yet back from the server, whose create may or
   * may not have reached it) or any inspection that is not hot.
   */
  async deleteInspection(random: Random, world: World): Promise<boolean> {
    const held = await this.inspections(world);
    const hot = world.hotInspections();
    const drafts = held.filter((i) => i.version === 0);
    const cold = held.filter((i) => !hot.has(i.id));
    const pool = drafts.length > 0 && random.chance(0.5) ? drafts : cold;
    if (pool.length === 0) return false;
    const target = random.pick(pool);
    world.deleted.add(target.id);
    await deleteRecord(this.db, 'inspections', target.id);
    return true;
  }

  /** An office change of a hot unit's status or rent; an officer's attempt is refused by the server. */
  async editUnit(random: Random): Promise<boolean> {
    const units = await this.units();
    if (units.length === 0) return false;
    const bySite = new Map<string, typeof units>();
    for (const u of units) bySite.set(u.siteId, [...(bySite.get(u.siteId) ?? []), u]);
    const hot = [...bySite.values()].flatMap((list) => list.slice(0, hotCount));
    const target = random.chance(0.8) ? random.pick(hot) : random.pick(units);
    const change = random.weighted({ status: 2, rent: 2, both: 1 });
    return this.save('units', target.id, {
      // Reserved is an offer's to set (S28: refused unless an application holds the unit); the
      // draw stays the same, so the named seeds replay the same steps.
      ...(change !== 'rent' ? { status: ((status) => (status === 'reserved' ? 'available' : status))(random.pick(unitStatuses)) } : {}),
      ...(change !== 'status' ? { monthlyRent: 250_000 + 5_000 * random.int(0, 40) } : {}),
    });
  }

  /** The office marks an open conflict as dealt with: conflicts sync and collide like any record. */
  async resolveConflict(random: Random): Promise<boolean> {
    const open = (await this.db.conflicts.toArray()).filter((c) => c.status === 'open').sort((a, b) => a.version - b.version);
    if (open.length === 0) return false;
    const target = random.pick(open.slice(0, hotCount * 2));
    return this.save('conflicts', target.id, { status: random.pick(['kept', 'restored'] as const), resolvedBy: this.session.user.id });
  }

  /**
   * Damage from outside the engine (a partial eviction, a bug elsewhere): a record with no
   * outbox entry vanishes from the device. Only the digest check can notice it (S17).
   */
  async damage(random: Random): Promise<string | undefined> {
    const changed = new Set((await this.db.outbox.toArray()).map((e) => e.recordId));
    const entity = random.pick(['units', 'inspections', 'conflicts'] as const);
    const records = (await this.db.entityTable(entity).toArray())
      .filter((r) => !changed.has(String(r.id)))
      .sort((a, b) => Number(a.version) - Number(b.version));
    if (records.length === 0) return undefined;
    const target = random.pick(records);
    await this.db.entityTable(entity).delete(String(target.id));
    this.damagedRegions.add(String(target.regionId));
    return String(target.regionId);
  }

  /** Drops every change the server refused, as a user would (S15). Returns how many records. */
  async discardAllRejected(): Promise<number> {
    const rejected = await this.db.outbox.where('state').equals('rejected').toArray();
    const records = new Map(rejected.map((e) => [e.recordId, e.entity as EntityName]));
    for (const [recordId, entity] of records) await discardRejected(this.db, entity, recordId);
    return records.size;
  }

  private async save<N extends EntityName>(entity: N, id: string, fields: Parameters<typeof saveRecord<N>>[3]): Promise<boolean> {
    const saved = await saveRecord(this.db, entity, id, fields);
    if (!saved.ok) throw new Error(`${this.label}: a valid ${entity} change was refused locally: ${JSON.stringify(saved.problems)}`);
    return saved.changed;
  }
}
