import { useEffect, useRef, useState } from 'preact/hooks';
import { officerEditableStatuses, uuidv7, type ApplicationStatus } from '../../schema';
import type { Session } from '../../worker';
import { useAppServices } from '../app-services';
import { ApplicationForm, type FormStart } from '../applications/application-form';
import { applicationMessages } from '../applications/application-messages';
import { editDraftId, readApplicationDraft, type StoredApplicationDraft } from '../applications/form-draft';
import { emptyFormValues, valuesFromRecords } from '../applications/form-values';
import '../applications/applications.css';
import { useFeatureMessages } from '../i18n/feature-messages';
import { todayLocalDate } from '../local-date';
import { capturedPhotoOf } from '../photos/attachments-of';
import { readApplicationDetail } from '../queries/application-detail';
import { useSession } from '../queries/use-session';
import { navigate, useSearchParam } from '../router/history-router';
import { paths } from '../router/routes';
import { useDocumentTitle } from '../use-document-title';

function freshStart(): FormStart {
  const now = Date.now();
  return {
    mode: 'new',
    draftId: null,
    resumedAt: null,
    draft: { values: emptyFormValues(), step: 0, householdId: uuidv7(now), applicationId: uuidv7(now), editing: false, comment: '' },
    fieldComments: {},
    returnComment: '',
    regionId: null,
  };
}

function resumedStart(stored: StoredApplicationDraft): FormStart {
  return { mode: 'new', draftId: stored.id, resumedAt: stored.updatedAt, draft: stored.draft, fieldComments: {}, returnComment: '', regionId: null };
}

/** A form start, numbered so that starting over mounts a new form instead of keeping the old state. */
type Loaded = { start: FormStart; generation: number; missingDraft: boolean };

/**
 * A new application, or one resumed from a draft named in `?draft=`. The form puts its draft's id
 * in the address once the officer starts typing, so a reload (or the app closed and reopened)
 * comes back to the same answers.
 */
function NewApplication({ session }: { session: Session }) {
  const { db } = useAppServices();
  const draftParam = useSearchParam('draft');
  const [loaded, setLoaded] = useState<Loaded | undefined>(undefined);
  const formDraftId = useRef<string | null>(null);
  const generation = useRef(0);

  useEffect(() => {
    // The form's own draft, just written into the address: nothing to load.
    if (draftParam !== null && draftParam === formDraftId.current) return;
    let current = true;
    void (async () => {
      const stored = draftParam ? await readApplicationDraft(db, draftParam, session.user.id) : null;
      if (!current) return;
      // A draft that changes a stored application opens in that application's form.
      if (stored?.draft.editing) return navigate(paths.editApplication(stored.draft.applicationId), { replace: true });
      formDraftId.current = stored?.id ?? null;
      setLoaded({ start: stored ? resumedStart(stored) : freshStart(), generation: ++generation.current, missingDraft: draftParam !== null && !stored });
    })();
    return () => void (current = false);
  }, [db, draftParam, session.user.id]);

  if (!loaded) return null;
  return (
    <>
      {loaded.missingDraft && (
        <p class="form__alert" role="alert">
          <DraftMissing />
        </p>
      )}
      <ApplicationForm
        key={loaded.generation}
        session={session}
        start={loaded.start}
        onDraftCreated={(id) => {
          formDraftId.current = id;
          navigate(paths.newApplication(id), { replace: true });
        }}
        onStartOver={() => {
          formDraftId.current = null;
          setLoaded({ start: freshStart(), generation: ++generation.current, missingDraft: false });
          navigate(paths.newApplication(), { replace: true });
        }}
      />
    </>
  );
}

function DraftMissing() {
  const { m } = useFeatureMessages(applicationMessages);
  return <>{m('form.draftMissing')}</>;
}

type EditLoaded = Loaded | { missing: true } | { locked: ApplicationStatus; applicationId: string; hasDraft: boolean };

/** A saved draft application to continue, or a returned one to correct, with the office's comments. */
function EditApplication({ session, applicationId, onMode }: { session: Session; applicationId: string; onMode(mode: FormStart['mode'] | null): void }) {
  const { db } = useAppServices();
  const { m } = useFeatureMessages(applicationMessages);
  const [loaded, setLoaded] = useState<EditLoaded | undefined>(undefined);
  const [reload, setReload] = useState(0);

  useEffect(() => {
    let current = true;
    void (async () => {
      const [detail, stored] = await Promise.all([
        readApplicationDetail(db, applicationId, todayLocalDate()),
        readApplicationDraft(db, editDraftId(applicationId), session.user.id),
      ]);
      if (!current) return;
      if (!detail || !detail.household) return setLoaded({ missing: true });
      const { application, household, returnEvent } = detail;
      if (!officerEditableStatuses.includes(application.status)) {
        return setLoaded({ locked: application.status, applicationId, hasDraft: stored !== null });
      }
      const correcting = application.status === 'returned';
      const ownDocuments = detail.attachments.filter((a) => a.householdId === household.id);
      setLoaded({
        generation: reload,
        missingDraft: false,
        start: {
          mode: correcting ? 'correct' : 'continue',
          draftId: editDraftId(applicationId),
          resumedAt: stored?.updatedAt ?? null,
          draft: stored?.draft ?? {
            values: valuesFromRecords(household, application, ownDocuments, capturedPhotoOf),
            step: 0,
            householdId: household.id,
            applicationId,
            editing: true,
            comment: '',
          },
          fieldComments: correcting ? (returnEvent?.fieldComments ?? {}) : {},
          returnComment: correcting ? (returnEvent?.comment ?? '') : '',
          regionId: household.regionId,
        },
      });
    })();
    return () => void (current = false);
  }, [db, applicationId, session.user.id, reload]);

  const mode = loaded && 'start' in loaded ? loaded.start.mode : null;
  useEffect(() => onMode(mode), [mode]);

  if (!loaded) return null;
  if ('missing' in loaded) return <p>{m('application.notOnDevice')}</p>;
  if ('locked' in loaded) {
    return (
      <>
        <p>{m('form.notEditable', { status: m(`status.${loaded.locked}`) })}</p>
        <p class="form__actions">
          <a class="button" href={paths.application(loaded.applicationId)}>
            {m('form.openApplication')}
          </a>
          {loaded.hasDraft && (
            <button type="button" class="button button--quiet" onClick={() => void db.formDrafts.delete(editDraftId(applicationId)).then(() => setReload((n) => n + 1))}>
              {m('form.discard')}
            </button>
          )}
        </p>
      </>
    );
  }
  return (
    <ApplicationForm
      key={loaded.generation}
      session={session}
      start={loaded.start}
      onDraftCreated={() => undefined}
      onStartOver={() => setReload((n) => n + 1)}
    />
  );
}

/** The application form: new (`/applications/new`, `?draft=`), or a stored application's (`/applications/:id/edit`). */
export function ApplicationFormScreen({ applicationId }: { applicationId?: string }) {
  const { m } = useFeatureMessages(applicationMessages);
  const session = useSession();
  const [editMode, setEditMode] = useState<FormStart['mode'] | null>(null);
  const title = !applicationId ? m('title.new') : editMode === 'correct' ? m('title.correct') : m('title.continue');
  useDocumentTitle(title);

  if (!session) return null;
  return (
    <div class="narrow application-form-screen">
      <h1>{title}</h1>
      {applicationId ? <EditApplication session={session} applicationId={applicationId} onMode={setEditMode} /> : <NewApplication session={session} />}
    </div>
  );
}
