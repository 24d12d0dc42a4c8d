/**
 * Bump SCHEMA_VERSION with every change to an entity (a golden test catches a change that forgot).
 * It is also the Dexie version, so a new field or index upgrades every device's database.
 */
export const SCHEMA_VERSION = 1;

/** Bump with every change to the wire format in protocol.ts. */
export const PROTOCOL_VERSION = 1;
