import { describe, expect, it } from 'vitest';
import { checklistKeys, checklistSchema } from '../../schema';
import {
  areaProgress,
  checklistFormOf,
  checklistFromForm,
  emptyChecklistItem,
  firstChecklistProblem,
  isCalendarDate,
  itemDueDate,
  type ChecklistForm,
  type ChecklistItemForm,
} from './checklist-form';

const item = (patch: Partial<ChecklistItemForm>): ChecklistItemForm => ({ ...emptyChecklistItem, ...patch });
const problem = (patch: Partial<ChecklistItemForm> = {}) =>
  item({ rating: '2', hasProblem: true, severity: 'severe', description: 'Retak besar', repairAction: 'Tambal dan cat ulang', ...patch });

describe('checklistFromForm', () => {
  it('keeps only the items rated, in the template’s order, with no problem unless one is ticked', () => {
    const form: ChecklistForm = {
      'outside.lighting': item({ rating: '4' }),
      'unit.walls': item({ rating: '5' }),
      'unit.floor': item({}),
      // Typed, then switched off: not saved.
      'unit.kitchen': item({ rating: '3', description: 'ditulis lalu batal' }),
    };
    const { checklist, problems } = checklistFromForm(form, '2026-05-01');
    expect(problems).toEqual({});
    expect(checklist).toEqual([
      { key: 'unit.walls', rating: 5, problem: null },
      { key: 'unit.kitchen', rating: 3, problem: null },
      { key: 'outside.lighting', rating: 4, problem: null },
    ]);
    expect(checklistSchema.safeParse(checklist).success).toBe(true);
  });

  it('gives a problem its due date from the severity and the inspection day, its texts trimmed', () => {
    const form: ChecklistForm = {
      'unit.electrical': problem({ severity: 'life_threatening', description: '  Kabel terkelupas  ', repairAction: ' Ganti kabel ' }),
      'building.roof': problem({ severity: 'low' }),
    };
    const { checklist, problems } = checklistFromForm(form, '2026-12-31');
    expect(problems).toEqual({});
    expect(checklist).toEqual([
      {
        key: 'unit.electrical',
        rating: 2,
        problem: { severity: 'life_threatening', description: 'Kabel terkelupas', repairAction: 'Ganti kabel', dueDate: '2027-01-01', resolvedOn: null },
      },
      { key: 'building.roof', rating: 2, problem: expect.objectContaining({ severity: 'low', dueDate: '2027-03-31' }) },
    ]);
    expect(checklistSchema.safeParse(checklist).success).toBe(true);
  });

  it('names each missing part of a problem, field by field, and saves nothing of that item', () => {
    const form: ChecklistForm = {
      'unit.walls': item({ hasProblem: true, description: '   ' }),
      'unit.ceiling': problem({ repairAction: 'x'.repeat(501) }),
      'unit.floor': item({ rating: '4' }),
    };
    const { checklist, problems } = checklistFromForm(form, '2026-05-01');
    expect(problems).toEqual({
      'unit.walls': { rating: 'ratingRequired', severity: 'severityRequired', description: 'descriptionRequired', repairAction: 'repairActionRequired' },
      'unit.ceiling': { repairAction: 'tooLong' },
    });
    expect(checklist.map((i) => i.key)).toEqual(['unit.floor']);
    expect(firstChecklistProblem(problems)).toEqual({ key: 'unit.walls', field: 'rating' });
  });

  it('marks a problem repaired on a real day, not before the inspection', () => {
    const repaired = checklistFromForm({ 'unit.plumbing': problem({ resolved: true, resolvedOn: '2026-05-03' }) }, '2026-05-01');
    expect(repaired.checklist[0]?.problem?.resolvedOn).toBe('2026-05-03');

    expect(checklistFromForm({ 'unit.plumbing': problem({ resolved: true, resolvedOn: '2026-04-30' }) }, '2026-05-01').problems).toEqual({
      'unit.plumbing': { resolvedOn: 'resolvedBeforeInspection' },
    });
    expect(checklistFromForm({ 'unit.plumbing': problem({ resolved: true, resolvedOn: '2026-02-30' }) }, '2026-05-01').problems).toEqual({
      'unit.plumbing': { resolvedOn: 'resolvedOnInvalid' },
    });
    // Unticked again: the date typed is not saved.
    expect(checklistFromForm({ 'unit.plumbing': problem({ resolved: false, resolvedOn: '2026-05-03' }) }, '2026-05-01').checklist[0]?.problem?.resolvedOn).toBeNull();
  });

  it('round-trips a recorded checklist through the form unchanged', () => {
    const recorded = checklistFromForm(
      { 'unit.walls': item({ rating: '4' }), 'building.fire_safety': problem({ severity: 'moderate', resolved: true, resolvedOn: '2026-05-20' }) },
      '2026-05-01',
    ).checklist;
    expect(checklistFromForm(checklistFormOf(recorded, '2026-05-01'), '2026-05-01').checklist).toEqual(recorded);
  });
});

describe('itemDueDate', () => {
  it('keeps the stored due date while the severity and the day are unchanged, and derives a new one otherwise', () => {
    // A due date written under other rules than today's: the record's word stands.
    const stored = { severity: 'severe', inspectedOn: '2026-05-01', dueDate: '2026-05-10' };
    expect(itemDueDate(problem({ stored }), '2026-05-01')).toBe('2026-05-10');
    expect(itemDueDate(problem({ stored, severity: 'moderate' }), '2026-05-01')).toBe('2026-05-31');
    expect(itemDueDate(problem({ stored }), '2026-05-02')).toBe('2026-05-09');
  });

  it('is unknown without a severity or a valid inspection day', () => {
    expect(itemDueDate(problem({ severity: '' }), '2026-05-01')).toBeNull();
    expect(itemDueDate(problem(), '')).toBeNull();
    expect(itemDueDate(problem(), '2026-13-01')).toBeNull();
  });
});

describe('the rest', () => {
  it('isCalendarDate accepts real days only', () => {
    expect(['2024-02-29', '2026-01-31'].map(isCalendarDate)).toEqual([true, true]);
    expect(['2026-02-29', '2026-1-1', '', '2026-04-31'].map(isCalendarDate)).toEqual([false, false, false, false]);
  });

  it('areaProgress counts the area’s items rated and with a problem', () => {
    const form: ChecklistForm = { 'unit.walls': item({ rating: '3' }), 'unit.floor': problem(), 'outside.grounds': item({ rating: '5' }) };
    expect(areaProgress(form, 'unit')).toEqual({ rated: 2, total: 8, problems: 1 });
    expect(areaProgress(form, 'outside')).toEqual({ rated: 1, total: 4, problems: 0 });
  });

  it('a checklist of every item rated is valid', () => {
    const form = Object.fromEntries(checklistKeys.map((key) => [key, item({ rating: '3' })]));
    const { checklist } = checklistFromForm(form, '2026-05-01');
    expect(checklist).toHaveLength(checklistKeys.length);
    expect(checklistSchema.safeParse(checklist).success).toBe(true);
  });
});
