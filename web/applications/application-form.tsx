import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { nikProblem } from '../../schema';
import type { Session } from '../../worker';
import { useAppServices } from '../app-services';
import { useFeatureMessages } from '../i18n/feature-messages';
import { todayLocalDate } from '../local-date';
import { readSiteChoices } from '../queries/application-sites';
import { findNikDuplicates, readOpenDuplicateFlags, type PersonNik } from '../queries/household-duplicates';
import { readProgramRuleFor } from '../queries/household-program-rule';
import { navigate } from '../router/history-router';
import { paths } from '../router/routes';
import { useLiveQuery } from '../use-live-query';
import { applicationMessages } from './application-messages';
import { DocumentsStep } from './documents-step';
import { createDraftSaver, type ApplicationDraft, type DraftSaver } from './form-draft';
import { householdFieldsFrom, withoutSpaces } from './form-records';
import { formSteps, problemsOfStep, stepOfField, stepOfPath, validateApplicationForm, type FormProblem, type FormStep } from './form-steps';
import { HeadStep } from './head-step';
import { HousingStep } from './housing-step';
import { eligibilityOf, type HouseholdView } from './household-view';
import { MembersStep } from './members-step';
import { ReviewStep } from './review-step';
import { ApplicationNotEditable, saveApplication, type SaveIntent } from './save-application';
import { inputId, type FormValues, type StepProps } from './step-props';
import { fieldLabel, problemWords } from './words';
import { isQuotaError } from '../quota-error';

export type FormMode = 'new' | 'continue' | 'correct';

/** Where the form starts: read once by the screen, then the form owns what is typed. */
export interface FormStart {
  mode: FormMode;
  /** The formDrafts id; null for a new form nobody has typed in yet (it gets one at the first change). */
  draftId: string | null;
  /** A stored draft is being continued (so there is something to discard). */
  resumedAt: string | null;
  draft: ApplicationDraft;
  /** The office's comments by field, for a returned application; its general comment beside them. */
  fieldComments: Record<string, string>;
  returnComment: string;
  /** Stored records keep their region: only sites of this region may be chosen. */
  regionId: string | null;
}

interface ApplicationFormProps {
  session: Session;
  start: FormStart;
  /** A new form got its draft id: the address should carry it, so a reload resumes it. */
  onDraftCreated(draftId: string): void;
  /** The draft was discarded: start again (empty, or from the stored records). */
  onStartOver(): void;
}

function peopleOf(values: FormValues): PersonNik[] {
  const people: PersonNik[] = [{ nik: withoutSpaces(values.headNik), holder: { role: 'head', name: values.headName.trim() } }];
  for (const m of values.members) people.push({ nik: withoutSpaces(m.nik), holder: { role: 'member', name: m.name.trim() } });
  // Only complete NIKs are looked up: a half-typed one matches nothing and costs a scan.
  return people.filter((p) => nikProblem(p.nik) === null);
}

/** The multi-step application form: validated step by step, saved as a draft on every change. */
export function ApplicationForm({ session, start, onDraftCreated, onStartOver }: ApplicationFormProps) {
  const words = useFeatureMessages(applicationMessages);
  const { m, formatDateTime } = words;
  const { db, requestSync } = useAppServices();
  const today = todayLocalDate();
  const { householdId, applicationId } = start.draft;

  const [values, setValues] = useState<FormValues>(start.draft.values);
  const [stepIndex, setStepIndex] = useState(start.draft.step);
  const [comment, setComment] = useState(start.draft.comment);
  const [shown, setShown] = useState<FormProblem[]>([]);
  const [fixFirst, setFixFirst] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [draftStored, setDraftStored] = useState(start.resumedAt !== null);
  const [confirmingDiscard, setConfirmingDiscard] = useState(false);
  const step: FormStep = formSteps[stepIndex] ?? 'head';

  const draftId = useRef(start.draftId);
  const saver = useRef<DraftSaver | null>(null);
  const focusRequest = useRef<'heading' | 'problem' | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const firstRender = useRef(true);

  function ensureSaver(): DraftSaver {
    if (!saver.current) {
      const created = draftId.current === null;
      draftId.current ??= start.draft.applicationId;
      saver.current = createDraftSaver(db, { id: draftId.current, userId: session.user.id });
      if (created) onDraftCreated(draftId.current);
    }
    return saver.current;
  }

  // Every change is kept on the device (after a short pause), so closing the app loses nothing.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    ensureSaver().schedule({ ...start.draft, values, step: stepIndex, comment });
    setDraftStored(true);
  }, [values, stepIndex, comment]);

  useEffect(() => {
    // The phone may kill a hidden page without warning: write what waits now.
    const flush = () => void saver.current?.flush();
    const onVisibility = () => document.visibilityState === 'hidden' && flush();
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', flush);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, []);

  // After the render that shows the new step or the problems, so a screen reader reads them.
  useEffect(() => {
    const request = focusRequest.current;
    focusRequest.current = null;
    if (request === 'heading') heading.current?.focus();
    else if (request === 'problem' && shown[0]) document.getElementById(inputId(shown[0].path, values))?.focus();
  });

  const regionIdsKey = session.user.regionIds.join(',');
  const sites = useLiveQuery(async () => {
    const choices = await readSiteChoices(db, session.user.regionIds);
    return start.regionId ? choices.filter((s) => s.regionId === start.regionId) : choices;
  }, [db, regionIdsKey, start.regionId]);
  const site = sites?.find((s) => s.id === values.siteId);
  const siteRegionId = site?.regionId ?? null;
  const rule = useLiveQuery(async () => (siteRegionId ? readProgramRuleFor(db, siteRegionId, today) : null), [db, siteRegionId, today]);
  const people = peopleOf(values);
  const peopleKey = JSON.stringify(people);
  const duplicates = useLiveQuery(() => findNikDuplicates(db, householdId, people), [db, householdId, peopleKey]) ?? [];
  const flags = useLiveQuery(() => readOpenDuplicateFlags(db, householdId), [db, householdId]) ?? [];
  const household = useMemo(() => householdFieldsFrom(values) as HouseholdView, [values]);
  const eligibility = site ? (rule === undefined ? undefined : eligibilityOf(household, rule)) : null;

  function update(change: (v: FormValues) => FormValues, changedPath: string) {
    setValues(change);
    // A field being changed is being fixed: its old problem would only mislead.
    setShown((problems) => problems.filter((p) => p.path !== changedPath && !p.path.startsWith(`${changedPath}.`) && !changedPath.startsWith(`${p.path}.`)));
    setFailure(null);
  }

  function notes(path: string) {
    const problem = shown.find((p) => p.path === path);
    const officeComment = start.fieldComments[path];
    return {
      problem: problem ? problemWords(path, problem.code, words) : undefined,
      comment: officeComment ? m('form.officeComment', { comment: officeComment }) : undefined,
    };
  }

  function goTo(target: FormStep) {
    setShown([]);
    setFixFirst(false);
    setFailure(null);
    setStepIndex(formSteps.indexOf(target));
    focusRequest.current = 'heading';
  }

  function showProblems(problems: FormProblem[], alert: boolean) {
    const first = problems[0];
    const target = first ? stepOfPath(first.path) : undefined;
    if (!target) return;
    setStepIndex(formSteps.indexOf(target));
    setShown(problemsOfStep(problems, target));
    setFixFirst(alert);
    focusRequest.current = 'problem';
  }

  function next() {
    const problems = problemsOfStep(validateApplicationForm(values, today), step);
    if (problems.length > 0) return showProblems(problems, false);
    goTo(formSteps[stepIndex + 1] ?? 'review');
  }

  async function save(intent: SaveIntent) {
    if (saving) return;
    const problems = validateApplicationForm(values, today);
    if (!site && !problems.some((p) => p.path === 'siteId')) problems.unshift({ path: 'siteId', code: sites === undefined ? 'required' : 'invalid_value' });
    if (problems.length > 0 || !site) return showProblems(problems, true);
    setSaving(true);
    setFailure(null);
    try {
      const result = await saveApplication(db, { draft: { ...start.draft, values, step: stepIndex, comment }, site, session, intent });
      if (!result.ok) {
        setSaving(false);
        const onForm = result.problems.filter((p) => stepOfPath(p.path));
        if (onForm.length > 0) return showProblems(onForm, true);
        return setFailure(m('form.saveFailed', { reason: result.problems.map((p) => `${p.path} ${p.code}`).join(', ') }));
      }
      // Saved on the device is saved: the draft has done its work.
      if (draftId.current !== null) await ensureSaver().discard();
      navigate(paths.application(result.applicationId), { replace: true });
      void requestSync();
    } catch (error) {
      setSaving(false);
      if (isQuotaError(error)) return setFailure(m('form.storageFull'));
      const reason = error instanceof ApplicationNotEditable ? m('form.notEditable', { status: m(`status.${error.status}`) }) : error instanceof Error ? error.message : String(error);
      setFailure(m('form.saveFailed', { reason }));
    }
  }

  async function discard() {
    if (draftId.current !== null) await ensureSaver().discard();
    onStartOver();
  }

  function onSubmit(event: SubmitEvent) {
    event.preventDefault();
    if (step === 'review') void save('submit');
    else next();
  }

  const nikElsewhere = (nik: string) => duplicates.find((d) => d.nik === nik)?.otherHeadName;
  const stepProps: StepProps = { values, update, notes, words };
  const commentEntries = Object.entries(start.fieldComments);

  return (
    <>
      <div class="draft-bar">
        <p class="note">{start.resumedAt ? m('form.resumed', { time: formatDateTime(start.resumedAt) }) : m('form.autosaved')}</p>
        {draftStored &&
          (confirmingDiscard ? (
            <div class="draft-bar__confirm" role="group" aria-labelledby="app-discard-question">
              <p id="app-discard-question">{m('form.discardConfirm')}</p>
              <button type="button" class="button button--danger button--small" onClick={() => void discard()}>
                {m('form.discardYes')}
              </button>
              <button type="button" class="button button--quiet button--small" onClick={() => setConfirmingDiscard(false)}>
                {m('form.discardNo')}
              </button>
            </div>
          ) : (
            <button type="button" class="button button--quiet button--small" onClick={() => setConfirmingDiscard(true)}>
              {start.mode === 'new' ? m('form.discard') : m('form.startOver')}
            </button>
          ))}
      </div>

      {start.mode === 'correct' && (commentEntries.length > 0 || start.returnComment) && (
        <section class="office-comments" aria-labelledby="app-office-comments">
          <h2 id="app-office-comments">{m('form.officeComments')}</h2>
          <p>{m('form.officeIntro')}</p>
          {start.returnComment && <p class="office-comments__general">{start.returnComment}</p>}
          {commentEntries.length > 0 && (
            <ul class="office-comments__list">
              {commentEntries.map(([field, text]) => {
                const target = stepOfField[field];
                return (
                  <li key={field}>
                    <strong>{fieldLabel(field, words)}</strong>: {text}{' '}
                    {target && target !== step && (
                      <button type="button" class="link-button" onClick={() => goTo(target)}>
                        {m('form.goToStep', { step: m(`step.${target}`) })}
                      </button>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
        </section>
      )}

      <form class="form application-form" onSubmit={onSubmit} noValidate>
        <p class="step-indicator" id="app-step-indicator">
          {m('form.stepOf', { step: stepIndex + 1, total: formSteps.length })}
        </p>
        {fixFirst && (
          <p class="form__alert" role="alert">
            {m('form.fixFirst')}
          </p>
        )}
        <fieldset class="step" aria-describedby="app-step-indicator">
          <legend class="step__legend">
            <h2 ref={heading} tabIndex={-1}>
              {m(`step.${step}`)}
            </h2>
          </legend>
          {step === 'head' && <HeadStep {...stepProps} nikElsewhere={nikElsewhere} />}
          {step === 'members' && <MembersStep {...stepProps} nikElsewhere={nikElsewhere} />}
          {step === 'housing' && <HousingStep {...stepProps} sites={sites} sameRegionOnly={start.regionId !== null} />}
          {step === 'documents' && <DocumentsStep {...stepProps} />}
          {step === 'review' && (
            <>
              <ReviewStep values={values} words={words} goTo={goTo} siteName={site?.name} eligibility={eligibility} rule={rule ?? null} duplicates={duplicates} flags={flags} />
              {start.mode === 'correct' && (
                <div class="field">
                  <label for="app-resubmit-comment">{m('form.resubmitComment')}</label>
                  <textarea id="app-resubmit-comment" rows={3} maxLength={1000} value={comment} onInput={(e) => setComment(e.currentTarget.value)} />
                </div>
              )}
            </>
          )}
        </fieldset>
        {failure && (
          <p class="form__alert" role="alert">
            {failure}
          </p>
        )}
        <div class="form__actions step-actions">
          {stepIndex > 0 && (
            <button type="button" class="button button--quiet" onClick={() => goTo(formSteps[stepIndex - 1] ?? 'head')}>
              {m('form.back')}
            </button>
          )}
          {step !== 'review' ? (
            <button type="submit" class="button">
              {m('form.next')}
            </button>
          ) : (
            <>
              {start.mode !== 'correct' && (
                <button type="button" class="button button--quiet" disabled={saving} onClick={() => void save('draft')}>
                  {m('form.saveDraft')}
                </button>
              )}
              <button type="submit" class="button" disabled={saving} aria-busy={saving}>
                {start.mode === 'correct' ? m('form.resubmit') : m('form.submit')}
              </button>
            </>
          )}
        </div>
      </form>
    </>
  );
}
