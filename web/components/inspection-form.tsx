import { useEffect, useRef, useState } from 'preact/hooks';
import { inspection as inspectionEntity, uuidv7, type FieldProblem, type Inspection, type Unit } from '../../schema';
import { checkRecord, saveRecord, type Session } from '../../worker';
import { useAppServices } from '../app-services';
import { conditionKey, conditionRatingsBestFirst } from '../i18n/condition-key';
import type { MessageKey } from '../i18n/id';
import { defaultInspectionType, inspectionTypeKey, inspectionTypesInFormOrder } from '../i18n/inspection-type-key';
import { useI18n } from '../i18n/i18n-context';
import { problemMessageKey } from '../i18n/problem-message';
import { todayLocalDate } from '../local-date';
import { navigate } from '../router/history-router';
import { paths } from '../router/routes';

/** The fields a person fills in, in the order they appear: the first one with a problem gets focus. */
const formFields = ['type', 'inspectedOn', 'conditionRating', 'notes'] as const;
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

interface InspectionFormProps {
  unit: Unit;
  session: Session;
  /** The inspection being changed; a new one is recorded without it. */
  editing?: Inspection;
}

/**
 * The inspection form, for a new inspection or a change of one. It is mounted once its record is
 * read, and keeps what the person types even when a sync rewrites that record meanwhile.
 */
export function InspectionForm({ unit, session, editing }: InspectionFormProps) {
  const { t } = useI18n();
  const { db, requestSync } = useAppServices();
  const [type, setType] = useState<string>(editing?.type ?? defaultInspectionType);
  const [inspectedOn, setInspectedOn] = useState(() => editing?.inspectedOn ?? todayLocalDate());
  const [conditionRating, setConditionRating] = useState(editing ? String(editing.conditionRating) : '');
  const [notes, setNotes] = useState(editing?.notes ?? '');
  const [messages, setMessages] = useState<FieldMessages>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const focusFirstProblem = useRef(false);

  // After the render that shows the messages, so a screen reader reads the field with its message.
  useEffect(() => {
    if (!focusFirstProblem.current) return;
    focusFirstProblem.current = false;
    const first = formFields.find((field) => messages[field]);
    if (first) document.getElementById(`inspection-${first}`)?.focus();
  });

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
    if (saving) return;
    const fields = {
      // Empty means not filled in: "Required", not a format problem.
      type: (type || undefined) as Inspection['type'] | undefined,
      inspectedOn: inspectedOn || undefined,
      conditionRating: conditionRating ? Number(conditionRating) : undefined,
      notes,
    };
    const whole = editing
      ? { id: editing.id, regionId: editing.regionId, unitId: editing.unitId, inspectorId: editing.inspectorId, recordedAt: editing.recordedAt, latitude: editing.latitude, longitude: editing.longitude, gpsAccuracyM: editing.gpsAccuracyM, checklist: editing.checklist, ...fields }
      : { id: uuidv7(), regionId: unit.regionId, unitId: unit.id, inspectorId: session.user.id, recordedAt: new Date().toISOString(), latitude: null, longitude: null, gpsAccuracyM: null, checklist: [], ...fields };
    const problems = checkRecord('inspections', whole);
    if (problems.length > 0) return showProblems(problems);

    setSaving(true);
    try {
      // A change sends only what the form shows; saving also folds in a rejected change (S15).
      const result = await saveRecord(db, 'inspections', whole.id, editing ? fields : whole);
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
    <form class="form" onSubmit={submit} noValidate>
      <div class="field">
        <label for="inspection-type">{t('inspection.type')}</label>
        <select
          id="inspection-type"
          required
          value={type}
          onChange={(e) => setType(e.currentTarget.value)}
          aria-invalid={Boolean(messages.type)}
          aria-describedby={describedBy('type')}
        >
          {inspectionTypesInFormOrder.map((value) => (
            <option key={value} value={value}>
              {t(inspectionTypeKey(value))}
            </option>
          ))}
        </select>
        {problemText('type')}
      </div>
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
  );
}
