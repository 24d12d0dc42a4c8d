/**
 * Bump SCHEMA_VERSION with every change to an entity (a golden test catches a change that forgot),
 * and add a step to upgrades.ts that brings records and mutations of the previous version up.
 * It is also the Dexie version, so a new field or index upgrades every device's database.
 */
export const SCHEMA_VERSION = 3;

/** The oldest app schema whose mutations the server still upgrades and accepts. */
export const MIN_SCHEMA_VERSION = 1;

/**
 * Bump with every change to the wire format in protocol.ts. Version 3 added the bootstrap
 * snapshot (`GET /api/sync/bootstrap`, S25); push, pull and snapshot are as in version 2.
 */
export const PROTOCOL_VERSION = 3;

/** The oldest protocol the server still answers: an app of version 2 keeps syncing page by page. */
export const MIN_PROTOCOL_VERSION = 2;

/** Requests carry the versions in these headers too (a pull has no body). */
export const versionHeaders = { protocol: 'x-hunian-protocol', schema: 'x-hunian-schema' } as const;
