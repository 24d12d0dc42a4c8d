import Dexie, { type Table } from 'dexie';
import { dexieStores, dexieVersion, type Inspection, type Region, type Site, type Unit } from '../schema';
import type { OutboxEntry } from './outbox-entry';
import type { Session } from './session';
import type { SyncStatus } from './sync-status';

export type MetaEntry =
  | { key: 'session'; value: Session }
  | { key: 'device'; value: { deviceId: string; nextSeq: number } }
  | { key: 'cursor'; value: number }
  | { key: 'syncStatus'; value: SyncStatus };

export type MetaKey = MetaEntry['key'];
export type MetaValue<K extends MetaKey> = Extract<MetaEntry, { key: K }>['value'];

/** The device's database: one store per synced entity (derived from schema/), plus outbox and meta. */
export class LocalDb extends Dexie {
  regions!: Table<Region, string>;
  sites!: Table<Site, string>;
  units!: Table<Unit, string>;
  inspections!: Table<Inspection, string>;
  outbox!: Table<OutboxEntry, number>;
  meta!: Table<MetaEntry, MetaKey>;

  constructor(name = 'hunian', options?: { indexedDB: IDBFactory; IDBKeyRange: typeof IDBKeyRange }) {
    super(name, options);
    this.version(dexieVersion).stores(dexieStores);
  }

  async getMeta<K extends MetaKey>(key: K): Promise<MetaValue<K> | undefined> {
    const entry = await this.meta.get(key);
    return entry?.value as MetaValue<K> | undefined;
  }

  async setMeta<K extends MetaKey>(key: K, value: MetaValue<K>): Promise<void> {
    await this.meta.put({ key, value } as MetaEntry);
  }

  /** The table of a synced entity, by its wire name. */
  entityTable(name: string): Table<Record<string, unknown>, string> {
    return this.table(name);
  }
}
