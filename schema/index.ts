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
export { dexieStores, dexieVersion } from './dexie-stores';
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
