import { z } from 'zod';
import { severities } from './repair-due';

export const checklistAreas = ['unit', 'building', 'outside'] as const;
export type ChecklistArea = (typeof checklistAreas)[number];

/** The items an inspection walks through, by area. Keys are stable: stored records name them. */
export const checklistTemplate: Record<ChecklistArea, readonly string[]> = {
  unit: ['walls', 'ceiling', 'floor', 'doors_windows', 'electrical', 'plumbing', 'kitchen', 'bathroom'],
  building: ['stairs_corridors', 'fire_safety', 'water_supply', 'waste', 'roof'],
  outside: ['drainage', 'grounds', 'lighting', 'access_road'],
};

export const checklistKeys = Object.entries(checklistTemplate).flatMap(([area, items]) => items.map((item) => `${area}.${item}`));

export const problemSchema = z.strictObject({
  severity: z.enum(severities),
  description: z.string().trim().min(1).max(1000),
  repairAction: z.string().trim().min(1).max(500),
  /** Derived from the severity and the inspection day (repairDueDate); stored so the office sees it. */
  dueDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  resolvedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
});
export type Problem = z.infer<typeof problemSchema>;

export const checklistItemSchema = z.strictObject({
  /** "area.item", one of checklistKeys. */
  key: z.string().refine((k) => checklistKeys.includes(k), { error: 'checklist_item_unknown' }),
  /** 1 = very poor … 5 = very good. */
  rating: z.int().min(1).max(5),
  problem: problemSchema.nullable(),
});
export type ChecklistItem = z.infer<typeof checklistItemSchema>;

export const checklistSchema = z
  .array(checklistItemSchema)
  .max(checklistKeys.length)
  .refine((items) => new Set(items.map((i) => i.key)).size === items.length, { error: 'checklist_item_twice' });
