import { inspection, type Inspection } from '../../schema';
import type { MessageKey } from './id';

/** The words for an inspection type, as the form offers them and the history shows them. */
export function inspectionTypeKey(type: Inspection['type']): MessageKey {
  return `inspectionType.${type}`;
}

/** In the schema's order: the life of a tenancy, move-in to move-out, then complaints. */
export const inspectionTypesInFormOrder: readonly Inspection['type'][] = inspection.fields.type.zod.options;

/** What a new inspection starts as: most visits are the routine ones. */
export const defaultInspectionType: Inspection['type'] = 'periodic';
