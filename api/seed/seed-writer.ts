import { fieldProblems, validators, type AnyEntity } from '../../schema';
import type { StorageTx } from '../storage/storage';
import { flagDuplicateNiks } from '../sync/duplicate-nik';
import { writeChange } from '../sync/write-change';

export type SeedWrite = (entity: AnyEntity, record: object) => Promise<void>;

/**
 * Writes seed records the way a push would leave them: each checked by its entity's validator
 * (a device skips a pulled record that fails it), with a change row, digests, and for a
 * household the duplicate-NIK flags (S24).
 */
export function seedWriter(tx: StorageTx, serverTime: string, newId: () => string): SeedWrite {
  return async (entity, record) => {
    const parsed = validators[entity.name as keyof typeof validators].write.safeParse(record);
    if (!parsed.success) throw new Error(`Demo ${entity.name} ${String((record as { id?: unknown }).id)} is invalid: ${JSON.stringify(fieldProblems(parsed.error))}`);
    const valid = parsed.data as Record<string, unknown>;
    if (entity.name === 'households') await flagDuplicateNiks(tx, valid, serverTime, newId);
    await writeChange(tx, { entity, op: 'upsert', record: valid, changedFields: null, userId: 'system', serverTime });
  };
}
