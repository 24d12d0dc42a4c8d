import { useRef, useState } from 'preact/hooks';
import { nextStatuses } from '../../schema';
import type { Session } from '../../worker';
import { useAppServices } from '../app-services';
import { ApplicationHistory, FieldCommentList } from '../applications/application-history';
import { applicationMessages } from '../applications/application-messages';
import '../applications/applications.css';
import { DocumentList } from '../applications/document-list';
import { DuplicateWarnings } from '../applications/duplicate-warnings';
import { EligibilityResultView } from '../applications/eligibility-result';
import { HeadFacts, HousingFacts, IncomeFacts } from '../applications/household-facts';
import { eligibilityOf } from '../applications/household-view';
import { submitDraftApplication } from '../applications/save-application';
import { StatusBadge } from '../applications/status-badge';
import type { StepProps } from '../applications/step-props';
import { RecordSyncBadge } from '../components/record-sync-badge';
import { defineMessages, useFeatureMessages } from '../i18n/feature-messages';
import { todayLocalDate } from '../local-date';
import { readApplicationDetail, type ApplicationDetail } from '../queries/application-detail';
import { findNikDuplicates, peopleNiks } from '../queries/household-duplicates';
import { useSession } from '../queries/use-session';
import { isOfficeRole } from '../router/route-access';
import { paths } from '../router/routes';
import { useDocumentTitle } from '../use-document-title';
import { useLiveQuery } from '../use-live-query';

/**
 * What the signed-in person may do with the application now, by the lifecycle's moves for her
 * role: the officer submits a draft, and corrects a returned one in its form (which resubmits it).
 * The office's own moves (review, return, decide) live on the office's screens.
 */
function ApplicationActions({ detail, session, words }: { detail: ApplicationDetail; session: Session; words: StepProps['words'] }) {
  const { m } = words;
  const { db, requestSync } = useAppServices();
  const [busy, setBusy] = useState(false);
  // Kept as a key, so the message follows a change of language.
  const [message, setMessage] = useState<{ key: 'application.submitted' | 'application.submitInvalid' | 'application.actionFailed'; reason?: string } | null>(null);
  const statusMessage = useRef<HTMLParagraphElement>(null);
  const { application } = detail;
  const moves = nextStatuses(application.status, session.user.role);
  const canSubmit = moves.includes('submitted');
  const canCorrect = moves.includes('resubmitted');

  async function submit() {
    if (busy) return;
    setBusy(true);
    try {
      const result = await submitDraftApplication(db, application.id, session);
      setMessage({ key: result.ok ? 'application.submitted' : 'application.submitInvalid' });
      if (result.ok) void requestSync();
    } catch (error) {
      setMessage({ key: 'application.actionFailed', reason: error instanceof Error ? error.message : String(error) });
    }
    setBusy(false);
    // The button is gone once submitted: the keyboard goes to what happened.
    statusMessage.current?.focus();
  }

  if (!canSubmit && !canCorrect && !message) return null;
  return (
    <section class="application-actions" aria-labelledby="application-actions">
      <h2 id="application-actions">{m('application.actions')}</h2>
      <div class="form__actions">
        {canSubmit && (
          <>
            <button type="button" class="button" disabled={busy} aria-busy={busy} onClick={() => void submit()}>
              {m('application.submit')}
            </button>
            <a class="button button--quiet" href={paths.editApplication(application.id)}>
              {m('application.edit')}
            </a>
          </>
        )}
        {canCorrect && (
          <a class="button" href={paths.editApplication(application.id)}>
            {m('application.fix')}
          </a>
        )}
      </div>
      <p class="status-message" role="status" tabIndex={-1} ref={statusMessage}>
        {message && m(message.key, { reason: message.reason ?? '' })}
      </p>
    </section>
  );
}

/** The office's way from here to its review screen (web/office/review), for office roles only. */
const officeMessages = defineMessages({ review: 'Tinjau' }, { review: 'Review' });

/** An application: its household, site, status and history, eligibility, duplicates and documents. */
export function ApplicationScreen({ applicationId }: { applicationId: string }) {
  const words = useFeatureMessages(applicationMessages);
  const officeWords = useFeatureMessages(officeMessages);
  const { m, formatDateTime } = words;
  const { db } = useAppServices();
  const session = useSession();
  const today = todayLocalDate();
  const detail = useLiveQuery(() => readApplicationDetail(db, applicationId, today), [db, applicationId, today]);
  const household = detail?.household ?? null;
  const householdKey = household ? `${household.id}/${household.updatedAt}` : null;
  const duplicates = useLiveQuery(async () => (household ? findNikDuplicates(db, household.id, peopleNiks(household)) : []), [db, householdKey]) ?? [];
  const headName = household?.headName ?? '';
  useDocumentTitle(detail ? m('application.title', { name: headName }) : detail === null ? m('application.notFound') : undefined);

  if (detail === undefined || session === undefined) return null;
  if (detail === null || session === null) {
    return (
      <>
        <h1>{m('application.notFound')}</h1>
        <p>{m('application.notOnDevice')}</p>
        <p>
          <a href={paths.home()}>{m('form.back')}</a>
        </p>
      </>
    );
  }
  const { application, site, returnEvent } = detail;
  const returned = application.status === 'returned' && returnEvent;

  return (
    <div class="application-screen">
      <h1>{m('application.title', { name: headName })}</h1>
      <div class="application-head">
        <StatusBadge status={application.status} words={words} />
        <RecordSyncBadge entity="applications" recordId={application.id} />
        {site && <span>{site.name}</span>}
        {/* The office decides on its own screen; a link, so the officer's screen never loads it. */}
        {isOfficeRole(session.user.role) && (
          <a class="button button--small" href={paths.reviewApplication(application.id)}>
            {officeWords.m('review')}
          </a>
        )}
      </div>

      {returned && (
        <section class="returned-notice" aria-labelledby="returned-heading">
          <h2 id="returned-heading">{m('application.returnedHeading')}</h2>
          <p>{m('application.returnedIntro')}</p>
          {returnEvent.comment.trim() && <p class="event__comment">{returnEvent.comment}</p>}
          <FieldCommentList comments={returnEvent.fieldComments} words={words} />
          <p class="event__meta">{m('application.eventBy', { name: returnEvent.actorName, time: formatDateTime(returnEvent.at) })}</p>
        </section>
      )}

      <ApplicationActions detail={detail} session={session} words={words} />

      <dl class="facts">
        <div>
          <dt>{m('application.status')}</dt>
          <dd>{m(`status.${application.status}`)}</dd>
        </div>
        <div>
          <dt>{m('application.site')}</dt>
          <dd>{site?.name ?? m('household.unknownSite')}</dd>
        </div>
        <div>
          <dt>{m('application.submittedAt')}</dt>
          <dd>{application.submittedAt ? formatDateTime(application.submittedAt) : m('review.none')}</dd>
        </div>
        {application.decisionNote && (
          <div>
            <dt>{m('application.decisionNote')}</dt>
            <dd>{application.decisionNote}</dd>
          </div>
        )}
      </dl>
      {application.statement.trim() && (
        <>
          <h2>{m('application.statement')}</h2>
          <p class="event__comment">{application.statement}</p>
        </>
      )}

      {household && (
        <>
          <EligibilityResultView result={eligibilityOf(household, detail.rule)} rule={detail.rule} words={words} headingLevel={2} />
          <DuplicateWarnings local={duplicates} flags={detail.duplicateFlags} words={words} headingLevel={2} />
          <section aria-labelledby="household-heading">
            <h2 id="household-heading">{m('application.household')}</h2>
            <p>
              <a href={paths.household(household.id)}>{m('application.openHousehold')}</a>
            </p>
            <HeadFacts household={household} words={words} />
            <IncomeFacts household={household} words={words} />
            <HousingFacts household={household} words={words} />
          </section>
        </>
      )}
      <DocumentList attachments={detail.attachments} words={words} />
      <ApplicationHistory events={detail.events} words={words} />
    </div>
  );
}
