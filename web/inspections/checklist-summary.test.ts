import { describe, expect, it } from 'vitest';
import type { ChecklistItem } from '../../schema';
import { summarizeChecklist } from './checklist-summary';

const problem = (key: string, severity: 'life_threatening' | 'severe' | 'moderate' | 'low', dueDate: string, resolvedOn: string | null = null): ChecklistItem => ({
  key,
  rating: 2,
  problem: { severity, description: 'd', repairAction: 'r', dueDate, resolvedOn },
});

describe('summarizeChecklist', () => {
  it('counts the open problems by severity, most severe first, and lists every problem, open ones by due date first', () => {
    const summary = summarizeChecklist(
      [
        { key: 'unit.walls', rating: 5, problem: null },
        problem('unit.floor', 'moderate', '2026-05-31'),
        problem('unit.electrical', 'life_threatening', '2026-05-02', '2026-05-02'),
        problem('building.roof', 'moderate', '2026-05-20'),
        problem('outside.drainage', 'severe', '2026-05-08'),
      ],
      '2026-05-21',
    );
    expect(summary.rated).toBe(5);
    expect(summary.openBySeverity).toEqual([
      { severity: 'severe', count: 1 },
      { severity: 'moderate', count: 2 },
    ]);
    expect(summary.problems.map((p) => [p.key, p.overdue])).toEqual([
      ['outside.drainage', true],
      ['building.roof', true],
      ['unit.floor', false],
      ['unit.electrical', false],
    ]);
  });

  it('is empty for an inspection without a checklist', () => {
    expect(summarizeChecklist([], '2026-05-21')).toEqual({ rated: 0, openBySeverity: [], problems: [] });
  });
});
