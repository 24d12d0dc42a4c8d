// Generated from schema/dexie-stores.ts by `npm run schema:generate` (scripts/generate-schema.ts). Do not edit.
// The page reads this instead of deriving it, so that its first load needs no zod (docs/decisions/014).

/** The Dexie version (= SCHEMA_VERSION) and the argument to `db.version(dexieVersion).stores(dexieStores)`. */
export const dexieVersion = 3;

export const dexieStores: Readonly<Record<string, string>> = {
  regions: 'id, parentId',
  programRules: 'id, regionId',
  sites: 'id, regionId',
  units: 'id, regionId, siteId, code, [siteId+code]',
  households: 'id, regionId, headName, headNik, kkNumber',
  applications: 'id, regionId, householdId, siteId, offeredUnitId',
  applicationEvents: 'id, regionId, applicationId',
  inspections: 'id, regionId, unitId',
  attachments: 'id, regionId, householdId, applicationId, inspectionId, sha256',
  leases: 'id, regionId, agreementNumber, householdId, unitId, applicationId',
  occupancyReports: 'id, regionId, siteId, [siteId+month]',
  duplicateFlags: 'id, regionId, householdId',
  conflicts: 'id, regionId, recordId',
  mutations: 'mutationId, seq, recordId, state',
  shadows: 'key',
  meta: 'key',
  attachmentBlobs: 'sha256, uploadState',
  formDrafts: 'id, kind, updatedAt',
};
