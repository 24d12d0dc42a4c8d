import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { checklistAreas, inspection as inspectionEntity, type ChecklistArea, type FieldProblem, type Inspection, type Unit } from '../../schema';
import { checkRecord, saveRecord, type Session } from '../../worker';
import { useAppServices } from '../app-services';
import { isQuotaError, type CapturedPhoto } from '../components/photo-capture';
import { conditionKey, conditionRatingsBestFirst } from '../i18n/condition-key';
import { useFeatureMessages } from '../i18n/feature-messages';
import type { MessageKey } from '../i18n/id';
import { inspectionTypeKey, inspectionTypesInFormOrder } from '../i18n/inspection-type-key';
import { problemMessageKey } from '../i18n/problem-message';
import { navigate } from '../router/history-router';
import { paths } from '../router/routes';
import { ChecklistAreaFieldset } from './checklist-area';
import { areaOf, checklistFromForm, emptyChecklistItem, firstChecklistProblem, type ChecklistItemForm, type ChecklistProblems } from './checklist-form';
import { checklistFieldId } from './checklist-item';
import { GpsField } from './gps-field';
import { createDraftSaver, type InspectionFormValues } from './inspection-draft';
import { inspectionMessages } from './inspection-messages';
import { savePhotosOfInspection, withRecordIds, type PhotosByItem } from './save-inspection-photos';

/** The fields above the checklist, in the order they appear: the first one with a problem gets focus. */
const formFields = ['type', 'inspectedOn', 'conditionRating', 'notes'] as const;
type FormField = (typeof formFields)[number];
type FieldMessages = Partial<Record<FormField, MessageKey>>;

/** Shown beside the notes as a counter; the schema is what enforces it. */
const notesMax = inspectionEntity.fields.notes.zod.maxLength;

/** Fields the form fills without the person typing them: a problem with one is the app's fault. */
const derivedFields = new Set(['latitude', 'longitude', 'gpsAccuracyM', 'checklist']);

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

export type DraftNotice = { kind: 'restored'; updatedAt: string } | { kind: 'discarded' } | null;

export interface InspectionFormFieldsProps {
  unit: Unit;
  session: Session;
  editing: Inspection | undefined;
  draftId: string;
  initial: InspectionFormValues;
  /** The photos the device holds for the inspection, by item: what a removal is measured against. */
  savedPhotos: PhotosByItem;
  draftNotice: DraftNotice;
  /** Start over from the record, without the restored draft (already deleted when called). */
  onDiscardDraft(): void;
}

/**
 * The inspection form: type, date, overall condition, notes, position, and the checklist by area.
 * Every change is kept as a draft on the device, so a phone that kills the app mid-inspection
 * loses nothing; the draft goes once the inspection is saved.
 */
export function InspectionFormFields(props: InspectionFormFieldsProps) {
  const { unit, session, editing, draftId } = props;
  const { t, m, formatDateTime } = useFeatureMessages(inspectionMessages);
  const { db, requestSync } = useAppServices();
  const [values, setValues] = useState(props.initial);
  const [messages, setMessages] = useState<FieldMessages>({});
  const [checklistProblems, setChecklistProblems] = useState<ChecklistProblems>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [collapsed, setCollapsed] = useState<ReadonlySet<ChecklistArea>>(new Set());
  const focusFirstProblem = useRef(false);
  const noticeRef = useRef<HTMLParagraphElement>(null);
  const savedPhotos = useRef(props.savedPhotos);
  const dirty = useRef(false);
  const saver = useMemo(() => createDraftSaver(db, { id: draftId, userId: session.user.id }), [db, draftId, session.user.id]);

  // Only what the person changed is kept: opening a form and leaving it makes no draft.
  useEffect(() => {
    if (dirty.current) saver.schedule(values);
  }, [values, saver]);

  // A phone kills a hidden app without warning: write the draft the moment the page is hidden.
  useEffect(() => {
    const flushIfHidden = () => void (document.visibilityState === 'hidden' && saver.flush());
    const flush = () => void saver.flush();
    document.addEventListener('visibilitychange', flushIfHidden);
    window.addEventListener('pagehide', flush);
    return () => {
      document.removeEventListener('visibilitychange', flushIfHidden);
      window.removeEventListener('pagehide', flush);
      void saver.flush();
    };
  }, [saver]);

  useEffect(() => {
    if (props.draftNotice?.kind === 'discarded') noticeRef.current?.focus();
  }, []);

  // After the render that shows the messages, so a screen reader reads the field with its message.
  useEffect(() => {
    if (!focusFirstProblem.current) return;
    focusFirstProblem.current = false;
    const first = formFields.find((field) => messages[field]);
    const item = firstChecklistProblem(checklistProblems);
    const id = first ? `inspection-${first}` : item ? checklistFieldId(item.key, item.field) : null;
    if (id) document.getElementById(id)?.focus();
  });

  function update(patch: Partial<InspectionFormValues>) {
    dirty.current = true;
    setValues((current) => ({ ...current, ...patch }));
  }

  function changeItem(itemKey: string, patch: Partial<ChecklistItemForm>) {
    dirty.current = true;
    setValues((current) => ({
      ...current,
      checklist: { ...current.checklist, [itemKey]: { ...(current.checklist[itemKey] ?? emptyChecklistItem), ...patch } },
    }));
  }

  function changePhotos(itemKey: string, photos: CapturedPhoto[]) {
    dirty.current = true;
    setValues((current) => ({ ...current, photos: { ...current.photos, [itemKey]: photos } }));
  }

  function toggleArea(area: ChecklistArea) {
    setCollapsed((current) => {
      const next = new Set(current);
      if (!next.delete(area)) next.add(area);
      return next;
    });
  }

  function showProblems(problems: readonly FieldProblem[], itemProblems: ChecklistProblems) {
    setMessages(messagesFor(problems));
    setChecklistProblems(itemProblems);
    // An area folded away opens to show its problems.
    const areas = new Set(Object.keys(itemProblems).map(areaOf));
    setCollapsed((current) => new Set([...current].filter((area) => !areas.has(area))));
    focusFirstProblem.current = true;
    const hidden = problems.filter((p) => !isFormField(p.field)).map((p) => (derivedFields.has(p.field) ? `${p.field} (${p.code})` : p.field));
    const itemCount = Object.values(itemProblems).reduce((sum, found) => sum + Object.keys(found).length, 0);
    if (hidden.length) setFailure(t('inspection.saveFailed', { reason: hidden.join(', ') }));
    else setFailure(itemCount ? m('checklist.itemProblems', { count: itemCount }) : null);
  }

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (saving) return;
    const { checklist, problems: itemProblems } = checklistFromForm(values.checklist, values.inspectedOn);
    const fields = {
      // Empty means not filled in: "Required", not a format problem.
      type: (values.type || undefined) as Inspection['type'] | undefined,
      inspectedOn: values.inspectedOn || undefined,
      conditionRating: values.conditionRating ? Number(values.conditionRating) : undefined,
      notes: values.notes,
      latitude: values.position?.latitude ?? null,
      longitude: values.position?.longitude ?? null,
      gpsAccuracyM: values.position?.accuracyM ?? null,
      checklist,
    };
    const whole = editing
      ? { id: editing.id, regionId: editing.regionId, unitId: editing.unitId, inspectorId: editing.inspectorId, recordedAt: editing.recordedAt, ...fields }
      : { id: values.recordId, regionId: unit.regionId, unitId: unit.id, inspectorId: session.user.id, recordedAt: new Date().toISOString(), ...fields };
    const problems = checkRecord('inspections', whole);
    if (problems.length > 0 || Object.keys(itemProblems).length > 0) return showProblems(problems, itemProblems);

    setSaving(true);
    try {
      // A change sends only what the form shows; saving also folds in a rejected change (S15).
      const result = await saveRecord(db, 'inspections', whole.id, editing ? fields : whole);
      if (!result.ok) {
        setSaving(false);
        return showProblems(result.problems, {});
      }
      // Photos after their inspection: the outbox is pushed in order, and the server must know
      // the inspection before an attachment names it. Only items that still have a problem keep theirs.
      const wanted: PhotosByItem = {};
      for (const [key, photos] of Object.entries(values.photos)) if (values.checklist[key]?.hasProblem) wanted[key] = photos;
      await savePhotosOfInspection(db, { inspectionId: whole.id, regionId: whole.regionId }, savedPhotos.current, wanted, (saved) => {
        // Kept as each step lands, so that a retry after a failure neither repeats nor forgets one.
        savedPhotos.current = structuredClone(saved);
        setValues((current) => ({ ...current, photos: withRecordIds(current.photos, saved) }));
      });
      await saver.discard();
    } catch (error) {
      setSaving(false);
      // A full phone is the person's to fix, in their words; anything else is shown as it came.
      setFailure(isQuotaError(error) ? m('save.storageFull') : t('inspection.saveFailed', { reason: error instanceof Error ? error.message : String(error) }));
      return;
    }
    // Replace the form in history: Back from the unit should not offer the filled form again.
    navigate(paths.unit(unit.id), { replace: true });
    // Saved on the device is saved; the upload happens whenever the network allows.
    void requestSync();
  }

  async function discardDraft() {
    await saver.discard();
    props.onDiscardDraft();
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
    <form class="form inspection-form" onSubmit={submit} noValidate>
      {props.draftNotice?.kind === 'restored' && (
        <div class="draft-notice">
          <p>{m('draft.restored', { time: formatDateTime(props.draftNotice.updatedAt) })}</p>
          <button type="button" class="button button--quiet button--small" onClick={discardDraft}>
            {m('draft.discard')}
          </button>
        </div>
      )}
      {props.draftNotice?.kind === 'discarded' && (
        <p class="draft-notice" role="status" tabIndex={-1} ref={noticeRef}>
          {m('draft.discarded')}
        </p>
      )}
      <div class="field">
        <label for="inspection-type">{t('inspection.type')}</label>
        <select
          id="inspection-type"
          required
          value={values.type}
          onChange={(e) => update({ type: e.currentTarget.value })}
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
          value={values.inspectedOn}
          onInput={(e) => update({ inspectedOn: e.currentTarget.value })}
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
          value={values.conditionRating}
          onChange={(e) => update({ conditionRating: e.currentTarget.value })}
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
          rows={4}
          value={values.notes}
          onInput={(e) => update({ notes: e.currentTarget.value })}
          aria-invalid={Boolean(messages.notes)}
          aria-describedby={describedBy('notes', 'inspection-notes-length')}
        />
        <p id="inspection-notes-length" class="field__hint">
          {t('inspection.notesLength', { count: values.notes.length, max: notesMax ?? '' })}
        </p>
        {problemText('notes')}
      </div>
      <GpsField position={values.position} onChange={(position) => update({ position })} />
      <section class="checklist" aria-labelledby="checklist-heading">
        <h2 id="checklist-heading">{m('checklist.title')}</h2>
        <p class="field__hint">{m('checklist.intro')}</p>
        {checklistAreas.map((area) => (
          <ChecklistAreaFieldset
            key={area}
            area={area}
            checklist={values.checklist}
            photos={values.photos}
            inspectedOn={values.inspectedOn}
            editing={editing !== undefined}
            problems={checklistProblems}
            expanded={!collapsed.has(area)}
            onToggle={toggleArea}
            onChange={changeItem}
            onPhotos={changePhotos}
          />
        ))}
      </section>
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
