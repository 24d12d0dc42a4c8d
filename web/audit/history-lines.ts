import { recordHistoryResponseSchema, type HistoryEntry, type RecordHistoryResponse } from '../../schema';
import type { Locale } from '../i18n/locale';
import { entityWords } from '../i18n/record-words';
import type { ParseAnswer } from '../server-copy/server-copy';
import { shortDeviceId } from './short-device-id';
import { recordFieldWords, recordValueWords } from '../applications/record-field-words';

/** Where the last answer about a record's history is kept on the device (meta store). */
export const historyCopyKey = (entity: string, recordId: string) => `history:${entity}:${recordId}`;
export const historyPath = (entity: string, recordId: string) => `/api/history/${encodeURIComponent(entity)}/${encodeURIComponent(recordId)}`;

export const parseHistory: ParseAnswer<RecordHistoryResponse> = (body) => {
  const parsed = recordHistoryResponseSchema.safeParse(body);
  return parsed.success ? parsed.data : null;
};

/** Fields every write changes: saying so on every line would hide the changes that matter. */
const bookkeepingFields = new Set(['version', 'updatedAt', 'updatedBy']);

export type HistoryAction = 'created' | 'changed' | 'deleted';

export interface HistoryLine {
  seq: number;
  action: HistoryAction;
  serverTime: string;
  userId: string;
  userName: string | null;
  deviceId: string | null;
  changes: { field: string; from: unknown; to: unknown }[];
}

/**
 * The entries as the screen lists them: newest first, each saying whether it created, changed or
 * deleted the record. The oldest entry created it when every field it names was empty before.
 */
export function historyLines(entries: readonly HistoryEntry[]): HistoryLine[] {
  const oldestSeq = Math.min(...entries.map((e) => e.seq));
  return [...entries]
    .sort((a, b) => b.seq - a.seq)
    .map((entry) => {
      const changes = entry.changes.filter((c) => !bookkeepingFields.has(c.field));
      const created = entry.op === 'upsert' && entry.seq === oldestSeq && entry.changes.every((c) => c.from === null || c.from === undefined);
      return {
        seq: entry.seq,
        action: entry.op === 'delete' ? 'deleted' : created ? 'created' : 'changed',
        serverTime: entry.serverTime,
        userId: entry.userId,
        userName: entry.userName,
        deviceId: entry.deviceId,
        changes,
      };
    });
}

export const abbreviationLength = 120;

/** A long value (notes, a checklist's JSON) cut to a readable length. */
export function abbreviate(text: string, max = abbreviationLength): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** A reference to another record is named by that record's kind ("Wilayah", "Rusun"). */
const referenceEntities: Record<string, string> = { regionId: 'regions', siteId: 'sites', unitId: 'units' };
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function valueText(locale: Locale, entity: string, field: string, value: unknown): string {
  // An id says nothing in full; its end is enough to tell two apart.
  if (typeof value === 'string' && uuidPattern.test(value)) return shortDeviceId(value);
  return abbreviate(recordValueWords(locale, entity, field, value));
}

/** One change in words: the field as the screens name it, the values as a person reads them, long ones cut. */
export function changeWords(locale: Locale, entity: string, change: { field: string; from: unknown; to: unknown }) {
  const reference = referenceEntities[change.field];
  return {
    field: reference ? entityWords(locale, reference) : recordFieldWords(locale, entity, change.field),
    from: valueText(locale, entity, change.field, change.from),
    to: valueText(locale, entity, change.field, change.to),
  };
}
