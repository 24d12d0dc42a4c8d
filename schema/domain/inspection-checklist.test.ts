import { describe, expect, it } from 'vitest';
import { repairDueDate } from './repair-due';
import { checklistAreas, checklistItemSchema, checklistKeys, checklistSchema, checklistTemplate } from './inspection-checklist';

const problem = { severity: 'severe' as const, description: 'Plafon kamar mandi bocor', repairAction: 'Ganti plafon dan perbaiki pipa', dueDate: repairDueDate('2025-06-02', 'severe'), resolvedOn: null };

describe('checklistKeys', () => {
  it('name every template item as area.item, once each', () => {
    expect(checklistKeys).toHaveLength(checklistAreas.reduce((n, area) => n + checklistTemplate[area].length, 0));
    expect(new Set(checklistKeys).size).toBe(checklistKeys.length);
    expect(checklistKeys).toContain('unit.bathroom');
    expect(checklistKeys).toContain('building.fire_safety');
    expect(checklistKeys).toContain('outside.drainage');
    for (const key of checklistKeys) expect(key).toMatch(/^(unit|building|outside)\.[a-z_]+$/);
  });
});

describe('checklistItemSchema', () => {
  it('accepts an item without a problem, and one with', () => {
    expect(checklistItemSchema.safeParse({ key: 'unit.walls', rating: 5, problem: null }).success).toBe(true);
    expect(checklistItemSchema.safeParse({ key: 'unit.ceiling', rating: 2, problem }).success).toBe(true);
  });

  it('refuses an unknown key with its own code', () => {
    const result = checklistItemSchema.safeParse({ key: 'unit.garage', rating: 3, problem: null });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toEqual(['checklist_item_unknown']);
  });

  it('refuses a rating outside 1–5 or not whole', () => {
    for (const rating of [0, 6, 2.5]) expect(checklistItemSchema.safeParse({ key: 'unit.walls', rating, problem: null }).success).toBe(false);
  });

  it('refuses a problem without a description or an action, with an unknown severity, or a bad date', () => {
    const bad = [
      { ...problem, description: '   ' },
      { ...problem, repairAction: '' },
      { ...problem, severity: 'urgent' },
      { ...problem, dueDate: '9/6/2025' },
      { ...problem, resolvedOn: 'kemarin' },
    ];
    for (const p of bad) expect(checklistItemSchema.safeParse({ key: 'unit.ceiling', rating: 2, problem: p }).success).toBe(false);
  });

  it('refuses fields it does not know', () => {
    expect(checklistItemSchema.safeParse({ key: 'unit.walls', rating: 4, problem: null, photo: 'x' }).success).toBe(false);
  });
});

describe('checklistSchema', () => {
  it('accepts a whole walk-through', () => {
    const all = checklistKeys.map((key) => ({ key, rating: 4, problem: null }));
    expect(checklistSchema.safeParse(all).success).toBe(true);
    expect(checklistSchema.safeParse([]).success).toBe(true);
  });

  it('refuses the same item twice', () => {
    const result = checklistSchema.safeParse([
      { key: 'unit.walls', rating: 4, problem: null },
      { key: 'unit.walls', rating: 2, problem },
    ]);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toContain('checklist_item_twice');
  });
});
