import { fieldProblems, systemFields, uuidv7, validators, type EntityName, type FieldProblem, type WritableOf } from '../schema';
import type { LocalDb } from './local-db';
import type { OutboxEntry } from './outbox-entry';

export type SaveResult = { ok: true; id: string; changed: boolean } | { ok: false; problems: FieldProblem[] };

class InvalidRecord extends Error {
  constructor(readonly problems: FieldProblem[]) {
    super('invalid record');
  }
}

function ownFields(record: Record<string, unknown>): Record<string, unknown> {
  const own = { ...record };
  for (const name of Object.keys(systemFields)) delete own[name];
  return own;
}

/**
 * Saves a new or changed record: the record and its outbox entry land in one Dexie transaction
 * (S1), so a record is never changed without a mutation to carry it, nor the other way round.
 * Validation uses the same validator the server applies.
 */
export async function saveRecord<N extends EntityName>(
  db: LocalDb,
  entity: N,
  recordId: string | undefined,
  changes: Partial<WritableOf<N>>,
  now = new Date(),
): Promise<SaveResult> {
  const id = recordId ?? uuidv7(now.getTime());
  const table = db.entityTable(entity);
  try {
    return await db.transaction('rw', [table, db.outbox, db.meta], async () => {
      const session = await db.getMeta('session');
      const device = await db.getMeta('device');
      if (!session || !device) throw new Error('Not signed in');

      const existing = await table.get(id);
      const merged = { ...(existing ? ownFields(existing) : {}), ...changes, id };
      const parsed = validators[entity].write.safeParse(merged);
      if (!parsed.success) throw new InvalidRecord(fieldProblems(parsed.error));

      const record = parsed.data as Record<string, unknown>;
      const changed = Object.fromEntries(
        Object.entries(record).filter(([name, value]) => JSON.stringify(existing?.[name]) !== JSON.stringify(value)),
      );
      if (existing && Object.keys(changed).length === 0) return { ok: true, id, changed: false } as const;

      const clientTime = now.toISOString();
      const entry: OutboxEntry = {
        seq: device.nextSeq,
        mutationId: uuidv7(now.getTime()),
        entity,
        op: 'upsert',
        recordId: id,
        baseVersion: existing ? (existing.version as number) : null,
        fields: changed,
        clientTime,
        state: 'pending',
      };
      await db.outbox.add(entry);
      await db.setMeta('device', { ...device, nextSeq: device.nextSeq + 1 });
      await table.put({
        ...record,
        version: existing?.version ?? 0,
        deleted: false,
        updatedAt: clientTime,
        updatedBy: session.user.id,
      });
      return { ok: true, id, changed: true } as const;
    });
  } catch (error) {
    if (error instanceof InvalidRecord) return { ok: false, problems: error.problems };
    throw error;
  }
}

/** Checks a would-be record without saving it: the form shows the problems beside the fields. */
export function checkRecord<N extends EntityName>(entity: N, record: Partial<WritableOf<N>>): FieldProblem[] {
  const parsed = validators[entity].write.safeParse(record);
  return parsed.success ? [] : fieldProblems(parsed.error);
}
