import { syncedEntities } from './entities';
import { SCHEMA_VERSION } from './versions';

/**
 * Stores that belong to the sync machinery, not to an entity.
 * - mutations (the outbox): local mutations by mutation id, with their per-device seq, until the
 *   server has them and the pull cursor has passed the seq at which they were applied.
 * - shadows: the last server state of each record that has outbox entries laid over it, keyed
 *   "entity/id", so that discarding a rejected change can restore what the server holds.
 * - meta: small keyed values (session, device, cursor, sync status).
 * - attachmentBlobs: the bytes of attachments, by SHA-256, with their upload state ('pending' until
 *   the server has them, then 'uploaded'). The attachment records themselves sync as an entity.
 * - formDrafts: what a person has typed into a form not yet saved as records (an application in
 *   progress), so that it survives closing the app. Never synced.
 */
const internalStores = {
  mutations: 'mutationId, seq, recordId, state',
  shadows: 'key',
  meta: 'key',
  attachmentBlobs: 'sha256, uploadState',
  formDrafts: 'id, kind, updatedAt',
} as const;

function storeSpec(entityName: string): string {
  const entity = syncedEntities.find((e) => e.name === entityName)!;
  const indexed = Object.entries(entity.fields)
    .filter(([name, field]) => name !== 'id' && field.options.indexed && !field.options.serverOnly)
    .map(([name]) => name);
  const compound = (entity.compoundIndexes ?? []).map((fields) => `[${fields.join('+')}]`);
  return ['id', ...indexed, ...compound].join(', ');
}

/**
 * The argument to Dexie's `db.version(dexieVersion).stores(dexieStores)`, derived. The app reads
 * the same value from schema/generated/dexie-stores.ts (written from this by
 * `npm run schema:generate`), so that opening the database does not load zod.
 */
export const dexieStores: Record<string, string> = {
  ...Object.fromEntries(syncedEntities.map((e) => [e.name, storeSpec(e.name)])),
  ...internalStores,
};

export const dexieVersion = SCHEMA_VERSION;
