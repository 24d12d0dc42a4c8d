import { useRef, useState } from 'preact/hooks';
import type { Lease, Unit } from '../../../schema';
import { useAppServices } from '../../app-services';
import { ApplicationHistory } from '../../applications/application-history';
import { applicationMessages } from '../../applications/application-messages';
import '../../applications/applications.css';
import { DuplicateWarnings } from '../../applications/duplicate-warnings';
import { EligibilityResultView } from '../../applications/eligibility-result';
import { HeadFacts, HousingFacts, IncomeFacts } from '../../applications/household-facts';
import { eligibilityOf } from '../../applications/household-view';
import { StatusBadge } from '../../applications/status-badge';
import { RecordHistory } from '../../audit/record-history';
import { RecordSyncBadge } from '../../components/record-sync-badge';
import { useFeatureMessages } from '../../i18n/feature-messages';
import { todayLocalDate } from '../../local-date';
import { readApplicationDetail } from '../../queries/application-detail';
import { findNikDuplicates, peopleNiks } from '../../queries/household-duplicates';
import { useSession } from '../../queries/use-session';
import { paths } from '../../router/routes';
import { useDocumentTitle } from '../../use-document-title';
import { useLiveQuery } from '../../use-live-query';
import '../office.css';
import { DecisionPanel, type Outcome } from './decision-panel';
import { problemText } from './review-problems';
import { OfferPanel } from './offer-panel';
import { ReviewDocuments } from './review-documents';
import { reviewMessages } from './review-messages';
import './review.css';

const byCode = (a: Unit, b: Unit) => a.code.localeCompare(b.code, 'id', { numeric: true });

/** The units an approved application may be offered, the unit it was offered and its lease. */
async function readHousing(db: ReturnType<typeof useAppServices>['db'], applicationId: string, siteId: string, offeredUnitId: string | null) {
  const [units, offered, leases] = await Promise.all([
    db.units.where('siteId').equals(siteId).toArray(),
    offeredUnitId ? db.units.get(offeredUnitId) : Promise.resolve(undefined),
    db.leases.where('applicationId').equals(applicationId).toArray(),
  ]);
  return {
    vacantUnits: units.filter((u) => !u.deleted && u.status === 'available').sort(byCode),
    offeredUnit: offered && !offered.deleted ? offered : null,
    lease: leases.find((l: Lease) => !l.deleted && l.status === 'active') ?? null,
  };
}

/** One application as the office reviews it: everything the officer recorded, then the decision. */
export function ReviewApplicationScreen({ applicationId }: { applicationId: string }) {
  const words = useFeatureMessages(reviewMessages);
  const app = useFeatureMessages(applicationMessages);
  const { m } = words;
  const { db } = useAppServices();
  const session = useSession();
  const today = todayLocalDate();
  const detail = useLiveQuery(() => readApplicationDetail(db, applicationId, today), [db, applicationId, today]);
  const household = detail?.household ?? null;
  const householdKey = household ? `${household.id}/${household.updatedAt}` : null;
  const duplicates = useLiveQuery(async () => (household ? findNikDuplicates(db, household.id, peopleNiks(household)) : []), [db, householdKey]) ?? [];
  const application = detail?.application;
  const housing = useLiveQuery(
    async () => (application ? readHousing(db, application.id, application.siteId, application.offeredUnitId) : null),
    [db, application?.id, application?.siteId, application?.offeredUnitId, application?.status],
  );
  const [outcome, setOutcome] = useState<Outcome>(null);
  const statusRef = useRef<HTMLParagraphElement>(null);
  const headName = household?.headName ?? '';
  useDocumentTitle(detail ? m('review.title', { name: headName }) : detail === null ? m('review.notFound') : undefined);

  function announce(next: Outcome) {
    setOutcome(next);
    // The buttons that were pressed are gone once the status moved: the keyboard goes to what happened.
    if (next && 'done' in next) requestAnimationFrame(() => statusRef.current?.focus());
  }

  if (detail === undefined || session === undefined) return null;
  if (detail === null || session === null) {
    return (
      <>
        <h1>{m('review.notFound')}</h1>
        <p>{m('review.notOnDevice')}</p>
        <p>
          <a href={paths.reviewQueue()}>{m('review.backToQueue')}</a>
        </p>
      </>
    );
  }
  const { site } = detail;
  const current = detail.application;
  const lease = housing?.lease ?? null;

  return (
    <div class="office-screen review-screen">
      <p>
        {/* Back keeps the queue's filters (they live in its address); this link is for a direct visit. */}
        <a href={paths.reviewQueue()}>{m('review.backToQueue')}</a>
      </p>
      <h1>{m('review.title', { name: headName })}</h1>
      <div class="application-head">
        <StatusBadge status={current.status} words={app} />
        <RecordSyncBadge entity="applications" recordId={current.id} />
        {site && <span>{site.name}</span>}
      </div>
      <p class="status-message" role="status" aria-live="polite" tabIndex={-1} ref={statusRef}>
        {outcome &&
          ('done' in outcome
            ? `${m(`done.${outcome.done}`)} ${m('done.sync')}`
            : `${m('done.failed', { reason: problemText(outcome.failed, words, outcome.field) })}${outcome.detail ? ` (${outcome.detail})` : ''}`)}
      </p>

      <div class="office-columns">
        <div class="office-columns__main">
          <dl class="facts">
            <div>
              <dt>{app.m('application.site')}</dt>
              <dd>{site?.name ?? app.m('household.unknownSite')}</dd>
            </div>
            <div>
              <dt>{app.m('application.submittedAt')}</dt>
              <dd>{current.submittedAt ? words.formatDateTime(current.submittedAt) : app.m('review.none')}</dd>
            </div>
            {current.decisionNote && (
              <div>
                <dt>{app.m('application.decisionNote')}</dt>
                <dd>{current.decisionNote}</dd>
              </div>
            )}
            {lease && (
              <div>
                <dt>{m('review.activeLease')}</dt>
                <dd>
                  {m('review.leaseSigned', { number: lease.agreementNumber, start: words.formatDate(lease.startDate), end: words.formatDate(lease.endDate) })}
                  {housing?.offeredUnit && ` (${housing.offeredUnit.code})`}
                </dd>
              </div>
            )}
          </dl>
          {household && (
            <>
              <EligibilityResultView result={eligibilityOf(household, detail.rule)} rule={detail.rule} words={app} headingLevel={2} />
              <DuplicateWarnings local={duplicates} flags={detail.duplicateFlags} words={app} headingLevel={2} />
              <section aria-labelledby="household-heading">
                <h2 id="household-heading">{app.m('application.household')}</h2>
                <HeadFacts household={household} words={app} />
                <IncomeFacts household={household} words={app} />
                <HousingFacts household={household} words={app} />
              </section>
            </>
          )}
          <section aria-labelledby="statement-heading">
            <h2 id="statement-heading">{app.m('application.statement')}</h2>
            <p class={current.statement.trim() ? 'event__comment' : 'empty'}>{current.statement.trim() || app.m('review.none')}</p>
          </section>
          <ReviewDocuments attachments={detail.attachments} words={words} app={app} />
          <ApplicationHistory events={detail.events} words={app} />
        </div>
        <div class="office-columns__side">
          {/* Keyed by the status: a decision made (here or by a sync) starts the next one afresh. */}
          <DecisionPanel key={current.status} application={current} household={household} session={session} words={words} app={app} onOutcome={announce} />
          {housing && (
            <OfferPanel
              key={`${current.status}/${current.offeredUnitId ?? ''}`}
              application={current}
              siteName={site?.name ?? ''}
              vacantUnits={housing.vacantUnits}
              offeredUnit={housing.offeredUnit}
              session={session}
              words={words}
              onOutcome={announce}
            />
          )}
          {current.status === 'lease_signed' || current.status === 'rejected' ? <p class="note">{m('review.noMoves', { status: app.m(`status.${current.status}`) })}</p> : null}
        </div>
      </div>
      {/* The server's audit trail of the application record (who changed what, from which device). */}
      <RecordHistory entity="applications" recordId={current.id} />
    </div>
  );
}
