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
