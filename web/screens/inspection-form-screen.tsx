import { useEffect, useRef, useState } from 'preact/hooks';
import { inspection as inspectionEntity, uuidv7, type FieldProblem } from '../../schema';
import { checkRecord, saveRecord } from '../../worker';
import { useAppServices } from '../app-services';
import { readUnitDetail } from '../queries/unit-detail';
import { useSession } from '../queries/use-session';
import { conditionKey, conditionRatingsBestFirst } from '../i18n/condition-key';
import type { MessageKey } from '../i18n/id';
import { useI18n } from '../i18n/i18n-context';
import { problemMessageKey } from '../i18n/problem-message';
import { navigate } from '../router/history-router';
import { paths } from '../router/routes';
import { todayLocalDate } from '../local-date';
import { useDocumentTitle } from '../use-document-title';
import { useLiveQuery } from '../use-live-query';
import { UnitMissing } from './unit-missing';

/** The fields a person fills in, in the order they appear: the first one with a problem gets focus. */
const formFields = ['inspectedOn', 'conditionRating', 'notes'] as const;
type FormField = (typeof formFields)[number];
type FieldMessages = Partial<Record<FormField, MessageKey>>;

/** Shown beside the notes as a counter; the schema is what enforces it. */
const notesMax = inspectionEntity.fields.notes.zod.maxLength;

function isFormField(name: string): name is FormField {
  return (formFields as readonly string[]).includes(name);
}

/** The first problem of each field, in words; the schema's date pattern fails as a format problem. */
function messagesFor(problems: readonly FieldProblem[]): FieldMessages {
  const messages: FieldMessages = {};
  for (const { field, code } of problems) {
    if (!isFormField(field) || messages[field]) continue;
    messages[field] = field === 'inspectedOn' && code === 'invalid_format' ? 'problem.invalidDate' : problemMessageKey(code);
  }
  return messages;
}

export function InspectionFormScreen({ unitId }: { unitId: string }) {
  const { t } = useI18n();
  const { db, requestSync } = useAppServices();
  const session = useSession();
  const detail = useLiveQuery(() => readUnitDetail(db, unitId), [db, unitId]);
  const [inspectedOn, setInspectedOn] = useState(todayLocalDate);
  const [conditionRating, setConditionRating] = useState('');
  const [notes, setNotes] = useState('');
  const [messages, setMessages] = useState<FieldMessages>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const focusFirstProblem = useRef(false);
  useDocumentTitle(t('inspection.title'));

  // After the render that shows the messages, so a screen reader reads the field with its message.
  useEffect(() => {
    if (!focusFirstProblem.current) return;
    focusFirstProblem.current = false;
    const first = formFields.find((field) => messages[field]);
    if (first) document.getElementById(`inspection-${first}`)?.focus();
  });

  if (detail === undefined || session === undefined) return null;
  if (detail === null || session === null) return <UnitMissing />;
  const { unit, site } = detail;

  function showProblems(problems: readonly FieldProblem[]) {
    const found = messagesFor(problems);
    setMessages(found);
    focusFirstProblem.current = true;
    // Problems with fields the person cannot see (ids, the region) are the app's fault; say so plainly.
    const hidden = problems.filter((p) => !isFormField(p.field)).map((p) => p.field);
    setFailure(hidden.length ? t('inspection.saveFailed', { reason: hidden.join(', ') }) : null);
  }

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (saving || !session) return;
    const inspection = {
      id: uuidv7(),
      regionId: unit.regionId,
      unitId: unit.id,
      // Empty means not filled in: "Required", not a format problem.
      inspectedOn: inspectedOn || undefined,
      conditionRating: conditionRating ? Number(conditionRating) : undefined,
      notes,
      inspectorId: session.user.id,
      recordedAt: new Date().toISOString(),
    };
    const problems = checkRecord('inspections', inspection);
    if (problems.length > 0) return showProblems(problems);

    setSaving(true);
    try {
      const result = await saveRecord(db, 'inspections', inspection.id, inspection);
      if (!result.ok) {
        setSaving(false);
        return showProblems(result.problems);
      }
    } catch (error) {
      setSaving(false);
      setFailure(t('inspection.saveFailed', { reason: error instanceof Error ? error.message : String(error) }));
      return;
    }
    // Replace the form in history: Back from the unit should not offer the filled form again.
    navigate(paths.unit(unit.id), { replace: true });
    // Saved on the device is saved; the upload happens whenever the network allows.
    void requestSync();
  }

  const describedBy = (field: FormField, ...more: string[]) =>
    [messages[field] ? `inspection-${field}-problem` : '', ...more].filter(Boolean).join(' ') || undefined;
  const problemText = (field: FormField) => {
    const key = messages[field];
    return key && (
      <p id={`inspection-${field}-problem`} class="field__problem">
        {t(key)}
      </p>
    );
  };

  return (
    <div class="narrow">
      <h1>{t('inspection.title')}</h1>
      <p class="heading-context">
        {unit.code}
        {site && ` · ${site.name}`}
      </p>
      <form class="form" onSubmit={submit} noValidate>
        <div class="field">
          <label for="inspection-inspectedOn">{t('inspection.date')}</label>
          <input
            id="inspection-inspectedOn"
            type="date"
            required
            value={inspectedOn}
            onInput={(e) => setInspectedOn(e.currentTarget.value)}
            aria-invalid={Boolean(messages.inspectedOn)}
            aria-describedby={describedBy('inspectedOn')}
          />
          {problemText('inspectedOn')}
        </div>
        <div class="field">
          <label for="inspection-conditionRating">{t('inspection.condition')}</label>
          <select
            id="inspection-conditionRating"
            required
            value={conditionRating}
            onChange={(e) => setConditionRating(e.currentTarget.value)}
            aria-invalid={Boolean(messages.conditionRating)}
            aria-describedby={describedBy('conditionRating')}
          >
            <option value=""></option>
            {conditionRatingsBestFirst.map((rating) => (
              <option key={rating} value={String(rating)}>
                {t(conditionKey(rating))}
              </option>
            ))}
          </select>
          {problemText('conditionRating')}
        </div>
        <div class="field">
          <label for="inspection-notes">{t('inspection.notes')}</label>
          <textarea
            id="inspection-notes"
            rows={5}
            value={notes}
            onInput={(e) => setNotes(e.currentTarget.value)}
            aria-invalid={Boolean(messages.notes)}
            aria-describedby={describedBy('notes', 'inspection-notes-length')}
          />
          <p id="inspection-notes-length" class="field__hint">
            {t('inspection.notesLength', { count: notes.length, max: notesMax ?? '' })}
          </p>
          {problemText('notes')}
        </div>
        {failure && (
          <p class="form__alert" role="alert">
            {failure}
          </p>
        )}
        <div class="form__actions">
          <button type="submit" class="button" disabled={saving} aria-busy={saving}>
            {t('inspection.save')}
          </button>
          <a class="button button--quiet" href={paths.unit(unit.id)}>
            {t('inspection.cancel')}
          </a>
        </div>
      </form>
    </div>
  );
}
