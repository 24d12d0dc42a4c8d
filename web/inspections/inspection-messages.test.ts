import { describe, expect, it } from 'vitest';
import { checklistAreas, checklistKeys, severities } from '../../schema';
import { en } from '../i18n/en';
import { id } from '../i18n/id';
import { areaMessageKey, checklistItemMessageKey, inspectionMessages, severityMessageKey } from './inspection-messages';

describe('the inspection words', () => {
  it('name every checklist item, area and severity, in both languages', () => {
    for (const lang of ['id', 'en'] as const) {
      const words = inspectionMessages[lang];
      for (const key of checklistKeys) expect(words[checklistItemMessageKey(key)!], `${lang} ${key}`).toMatch(/\S/);
      for (const area of checklistAreas) expect(words[areaMessageKey(area)]).toMatch(/\S/);
      for (const severity of severities) expect(words[severityMessageKey(severity)]).toMatch(/\S/);
    }
    expect(checklistItemMessageKey('unit.jacuzzi')).toBeNull();
  });

  it('English fills the same keys as Indonesian, with the same {values}', () => {
    expect(Object.keys(inspectionMessages.en).sort()).toEqual(Object.keys(inspectionMessages.id).sort());
    const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [key, text] of Object.entries(inspectionMessages.id)) {
      expect(names(inspectionMessages.en[key as keyof typeof inspectionMessages.en]), key).toEqual(names(text));
    }
  });

  it('give every field of the form a label no other label contains, so a search by label finds one field', () => {
    for (const [lang, app] of [['id', id], ['en', en]] as const) {
      const words = inspectionMessages[lang];
      const labels = [
        app['inspection.type'],
        app['inspection.date'],
        app['inspection.condition'],
        app['inspection.notes'],
        ...checklistKeys.map((key) => words[checklistItemMessageKey(key)!]),
        words['checklist.hasProblem'],
        words['checklist.severity'],
        words['checklist.description'],
        words['checklist.repairAction'],
        words['checklist.photos'],
        words['checklist.resolved'],
        words['checklist.resolvedOn'],
      ];
      expect(new Set(labels).size, lang).toBe(labels.length);
      for (const label of labels) {
        const containing = labels.filter((other) => other !== label && other.toLowerCase().includes(label.toLowerCase()));
        expect(containing, `${lang}: “${label}”`).toEqual([]);
      }
    }
  });
});
