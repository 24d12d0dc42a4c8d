import { severities } from '../../schema';
import { PhotoCapture, type CapturedPhoto } from '../components/photo-capture';
import { conditionKey, conditionRatingsBestFirst } from '../i18n/condition-key';
import { useFeatureMessages } from '../i18n/feature-messages';
import { todayLocalDate } from '../local-date';
import {
  descriptionMax,
  itemDueDate,
  repairActionMax,
  type ChecklistItemField,
  type ChecklistItemForm,
  type ChecklistProblemCode,
} from './checklist-form';
import { dueDateText } from './due-date-text';
import { checklistItemMessageKey, inspectionMessages, severityMessageKey } from './inspection-messages';

/** The element id of an item's field: `check-unit-walls-rating`. Stable, so focus can find it. */
export function checklistFieldId(itemKey: string, field: ChecklistItemField | 'problem' | 'resolved' | 'photos' | 'due' | 'name'): string {
  return `check-${itemKey.replace(/[^a-z0-9]+/gi, '-')}-${field}`;
}

interface ChecklistItemProps {
  itemKey: string;
  item: ChecklistItemForm;
  photos: CapturedPhoto[];
  inspectedOn: string;
  /** A recorded inspection: its problems can be marked repaired. */
  editing: boolean;
  problems: Partial<Record<ChecklistItemField, ChecklistProblemCode>> | undefined;
  onChange(itemKey: string, patch: Partial<ChecklistItemForm>): void;
  onPhotos(itemKey: string, photos: CapturedPhoto[]): void;
}

/**
 * One item of the checklist: a rating, and, when something is wrong, the problem with its
 * severity, what to repair, the due date that follows, and photos. A group named by the item, so
 * a screen reader says which item "Ada masalah" belongs to.
 */
export function ChecklistItem({ itemKey, item, photos, inspectedOn, editing, problems, onChange, onPhotos }: ChecklistItemProps) {
  const { m, t, formatDate } = useFeatureMessages(inspectionMessages);
  const nameKey = checklistItemMessageKey(itemKey);
  const name = nameKey ? m(nameKey) : itemKey;
  const id = (field: Parameters<typeof checklistFieldId>[1]) => checklistFieldId(itemKey, field);
  const problemId = (field: ChecklistItemField) => (problems?.[field] ? `${id(field)}-problem` : undefined);
  const invalid = (field: ChecklistItemField) => Boolean(problems?.[field]);
  const problemText = (field: ChecklistItemField) => {
    const code = problems?.[field];
    if (!code) return null;
    const max = field === 'description' ? descriptionMax : repairActionMax;
    return (
      <p id={`${id(field)}-problem`} class="field__problem">
        {m(`problem.${code}`, { max })}
      </p>
    );
  };
  const dueDate = item.hasProblem ? itemDueDate(item, inspectedOn) : null;

  return (
    <fieldset class={`check-item${item.hasProblem ? ' check-item--problem' : ''}`}>
      <legend id={id('name')} class="check-item__name">
        {name}
      </legend>
      <div class="check-item__row">
        <select
          id={id('rating')}
          class="check-item__rating"
          aria-labelledby={id('name')}
          value={item.rating}
          onChange={(e) => onChange(itemKey, { rating: e.currentTarget.value })}
          aria-invalid={invalid('rating')}
          aria-describedby={problemId('rating')}
        >
          <option value="">{m('checklist.notRated')}</option>
          {conditionRatingsBestFirst.map((rating) => (
            <option key={rating} value={String(rating)}>
              {t(conditionKey(rating))}
            </option>
          ))}
        </select>
        <label class="check-item__toggle">
          <input
            id={id('problem')}
            type="checkbox"
            checked={item.hasProblem}
            onChange={(e) => onChange(itemKey, { hasProblem: e.currentTarget.checked })}
          />
          {m('checklist.hasProblem')}
        </label>
      </div>
      {problemText('rating')}
      {item.hasProblem && (
        <div class="check-item__problem">
          <div class="field">
            <label for={id('severity')}>{m('checklist.severity')}</label>
            <select
              id={id('severity')}
              value={item.severity}
              onChange={(e) => onChange(itemKey, { severity: e.currentTarget.value })}
              aria-invalid={invalid('severity')}
              aria-describedby={[problemId('severity'), id('due')].filter(Boolean).join(' ')}
            >
              <option value="">{m('checklist.choose')}</option>
              {severities.map((severity) => (
                <option key={severity} value={severity}>
                  {m(severityMessageKey(severity))}
                </option>
              ))}
            </select>
            {problemText('severity')}
          </div>
          {/* Read as the severity changes: the officer hears what that choice means for the tenant. */}
          <p id={id('due')} class="check-item__due" aria-live="polite">
            <span class="check-item__due-label">{m('checklist.dueDate')}: </span>
            {dueDateText(dueDate, inspectedOn, formatDate, m)}
          </p>
          <div class="field">
            <label for={id('description')}>{m('checklist.description')}</label>
            <textarea
              id={id('description')}
              rows={2}
              value={item.description}
              onInput={(e) => onChange(itemKey, { description: e.currentTarget.value })}
              aria-invalid={invalid('description')}
              aria-describedby={problemId('description')}
            />
            {problemText('description')}
          </div>
          <div class="field">
            <label for={id('repairAction')}>{m('checklist.repairAction')}</label>
            <textarea
              id={id('repairAction')}
              rows={2}
              value={item.repairAction}
              onInput={(e) => onChange(itemKey, { repairAction: e.currentTarget.value })}
              aria-invalid={invalid('repairAction')}
              aria-describedby={problemId('repairAction')}
            />
            {problemText('repairAction')}
          </div>
          <PhotoCapture id={id('photos')} label={m('checklist.photos')} photos={photos} onChange={(next) => onPhotos(itemKey, next)} />
          {editing && (
            <div class="field">
              <label class="check-item__toggle">
                <input
                  id={id('resolved')}
                  type="checkbox"
                  checked={item.resolved}
                  // The day it is marked is the usual answer; the officer can change it.
                  onChange={(e) =>
                    onChange(itemKey, { resolved: e.currentTarget.checked, resolvedOn: item.resolvedOn || todayLocalDate() })
                  }
                />
                {m('checklist.resolved')}
              </label>
              {item.resolved && (
                <div class="field check-item__resolved-on">
                  <label for={id('resolvedOn')}>{m('checklist.resolvedOn')}</label>
                  <input
                    id={id('resolvedOn')}
                    type="date"
                    value={item.resolvedOn}
                    onInput={(e) => onChange(itemKey, { resolvedOn: e.currentTarget.value })}
                    aria-invalid={invalid('resolvedOn')}
                    aria-describedby={problemId('resolvedOn')}
                  />
                  {problemText('resolvedOn')}
                </div>
              )}
            </div>
          )}
        </div>
      )}
    </fieldset>
  );
}
