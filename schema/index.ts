// The public face of schema/ for the device side. The Drizzle tables (drizzle-tables.ts) are
// imported directly by the server, so that the app bundle never pulls in drizzle-orm.
export * from './entities';
export * from './entity';
export * from './field';
export * from './ids';
export * from './protocol';
export * from './record-digest';
export * from './roles';
export * from './upgrades';
export * from './validators';
export * from './versions';
// The device's store specs and who may write what, as generated data (schema/generated/): the
// page opens its database and draws its header without zod and the entity definitions. Tests and
// the generator compare them with the derivation in dexie-stores.ts and entities/.
export { dexieStores, dexieVersion } from './generated/dexie-stores';
export { syncedEntityWriters } from './generated/entity-writers';
export * from './domain';
export * from './admin-api';
// The enumerations and limits that sit beside each entity (sexes, attachment kinds, …).
export * from './entities/application';
export * from './entities/attachment';
export * from './entities/duplicate-flag';
export * from './entities/household';
export * from './entities/inspection';
export * from './entities/lease';
export * from './entities/occupancy-report';
export * from './entities/region';
export * from './entities/unit';
export * from './entities/conflict';
