import Dexie, { type Table, type Transaction } from 'dexie';
import {
  dexieStores,
  dexieVersion,
  upgradeSteps,
  type Application,
  type ApplicationEvent,
  type Attachment,
  type Conflict,
  type DuplicateFlag,
  type Household,
  type Inspection,
  type Lease,
  type OccupancyReport,
  type ProgramRule,
  type Region,
  type Site,
  type Unit,
  type UpgradeStep,
} from '../schema';
import type { OutboxEntry } from './outbox-entry';
import type { Session } from './session';
import type { SyncStatus } from './sync-status';
import type { UnlockVerifier } from './unlock-verifier';

export type MetaEntry =
  | { key: 'session'; value: Session }
  | { key: 'device'; value: { deviceId: string; nextSeq: number } }
  | { key: 'cursor'; value: number }
  | { key: 'syncStatus'; value: SyncStatus }
  /** The server digests last found equal to this device's copy, by region, and when (S17). */
  | { key: 'verifiedDigests'; value: { at: number; digests: Record<string, string> } }
  /** The regions the server last said this user may see, sorted (S6). */
  | { key: 'visibleRegions'; value: string[] }
  /** The local check of the user's password, for unlocking the app offline (unlock-verifier.ts). */
  | { key: 'unlock'; value: UnlockVerifier };

export type MetaKey = MetaEntry['key'];
export type MetaValue<K extends MetaKey> = Extract<MetaEntry, { key: K }>['value'];

export interface Shadow {
  key: string;
  record: Record<string, unknown>;
}

/** The bytes of one attachment, kept until the server has them (and after, for viewing offline). */
export interface AttachmentBlob {
  sha256: string;
  blob: Blob;
  mimeType: string;
  byteSize: number;
  uploadState: 'pending' | 'uploaded';
  createdAt: string;
}

/** A form in progress, saved as typed (not validated), e.g. a multi-step application. */
export interface FormDraft {
  id: string;
  kind: string;
  /** The user whose draft it is: a shared phone shows each user only their own. */
  userId: string;
  values: unknown;
  updatedAt: string;
}

export const shadowKey = (entity: string, id: string) => `${entity}/${id}`;

/**
 * Stores renamed on the device, by the version that renamed them. Version 2 keyed the outbox by
 * mutation id instead of seq (a settled entry must not hold a seq that renumbering may need), and
 * IndexedDB cannot change a store's key, so the entries moved to a new store.
 */
const renamedStores: Record<number, { from: string; to: string }[]> = {
  2: [{ from: 'outbox', to: 'mutations' }],
};

/** Runs one schema upgrade step over the stored records and the outbox (S19). */
async function upgradeStores(tx: Transaction, step: UpgradeStep) {
  // Dexie deletes a store dropped by this version only after the upgrade function has run.
  for (const { from, to } of renamedStores[step.to] ?? []) {
    await tx.table(to).bulkPut(await tx.table(from).toArray());
  }
  for (const [entity, upgrade] of Object.entries(step.record ?? {})) {
    if (upgrade) await tx.table(entity).toCollection().modify((record: Record<string, unknown>, ref) => void (ref.value = upgrade(record)));
  }
  await tx
    .table('mutations')
    .toCollection()
    .modify((entry: OutboxEntry) => {
      const upgrade = step.mutation?.[entry.entity];
      if (upgrade && entry.op === 'upsert') entry.fields = upgrade(entry.fields, entry.baseVersion === null);
    });
}

/** The device's database: one store per synced entity (derived from schema/), plus the sync stores. */
export class LocalDb extends Dexie {
  regions!: Table<Region, string>;
  sites!: Table<Site, string>;
  units!: Table<Unit, string>;
  inspections!: Table<Inspection, string>;
  conflicts!: Table<Conflict, string>;
  programRules!: Table<ProgramRule, string>;
  households!: Table<Household, string>;
  applications!: Table<Application, string>;
  applicationEvents!: Table<ApplicationEvent, string>;
  attachments!: Table<Attachment, string>;
  leases!: Table<Lease, string>;
  occupancyReports!: Table<OccupancyReport, string>;
  duplicateFlags!: Table<DuplicateFlag, string>;
  attachmentBlobs!: Table<AttachmentBlob, string>;
  formDrafts!: Table<FormDraft, string>;
  outbox!: Table<OutboxEntry, string>;
  shadows!: Table<Shadow, string>;
  meta!: Table<MetaEntry, MetaKey>;

  constructor(name = 'hunian', options?: { indexedDB: IDBFactory; IDBKeyRange: typeof IDBKeyRange }) {
    super(name, options);
    // A database from an older app version runs every step above its version, in order.
    for (const step of upgradeSteps) {
      const dropped = Object.fromEntries((renamedStores[step.to] ?? []).map(({ from }) => [from, null]));
      this.version(step.to)
        .stores({ ...dexieStores, ...dropped })
        .upgrade((tx) => upgradeStores(tx, step));
    }
    if (!upgradeSteps.some((s) => s.to === dexieVersion)) this.version(dexieVersion).stores(dexieStores);
    this.outbox = this.table('mutations');
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
