import { useAppServices } from '../app-services';
import { applicationMessages } from '../applications/application-messages';
import { OfficeRecordHistory } from '../audit/office-record-history';
import '../applications/applications.css';
import { DocumentList } from '../applications/document-list';
import { DuplicateWarnings } from '../applications/duplicate-warnings';
import { EligibilityResultView } from '../applications/eligibility-result';
import { HeadFacts, HousingFacts, IncomeFacts } from '../applications/household-facts';
import { eligibilityOf } from '../applications/household-view';
import { StatusBadge } from '../applications/status-badge';
import { RecordSyncBadge } from '../components/record-sync-badge';
import { useFeatureMessages } from '../i18n/feature-messages';
import { todayLocalDate } from '../local-date';
import { readHouseholdDetail } from '../queries/household-detail';
import { findNikDuplicates, peopleNiks } from '../queries/household-duplicates';
import { paths } from '../router/routes';
import { useDocumentTitle } from '../use-document-title';
import { useLiveQuery } from '../use-live-query';

/** A household: its head and members, housing, documents, duplicates, and its applications. */
export function HouseholdScreen({ householdId }: { householdId: string }) {
  const words = useFeatureMessages(applicationMessages);
  const { m, formatDateTime } = words;
  const { db } = useAppServices();
  const today = todayLocalDate();
  const detail = useLiveQuery(() => readHouseholdDetail(db, householdId, today), [db, householdId, today]);
  const household = detail?.household;
  const householdKey = household ? `${household.id}/${household.updatedAt}` : null;
  const duplicates = useLiveQuery(async () => (household ? findNikDuplicates(db, household.id, peopleNiks(household)) : []), [db, householdKey]) ?? [];
  useDocumentTitle(household ? household.headName : detail === null ? m('household.notFound') : undefined);

  if (detail === undefined) return null;
  if (detail === null) {
    return (
      <>
        <h1>{m('household.notFound')}</h1>
        <p>{m('household.notOnDevice')}</p>
        <p>
          <a href={paths.home()}>{m('form.back')}</a>
        </p>
      </>
    );
  }
  const { applications, region } = detail;
  const current = detail.household;

  return (
    <div class="application-screen household-screen">
      <h1>
        {current.headName}
        <span class="heading-sub"> · {m('household.context')}</span>
      </h1>
      <div class="application-head">
        <RecordSyncBadge entity="households" recordId={current.id} />
        {region && (
          <span>
            {m('household.region')}: {region.name}
          </span>
        )}
      </div>

      <section aria-labelledby="household-applications">
        <h2 id="household-applications">{m('household.applications')}</h2>
        {applications.length === 0 ? (
          <p class="empty">{m('household.noApplications')}</p>
        ) : (
          <ul class="application-list">
            {applications.map(({ application, site }) => (
              <li key={application.id}>
                <a href={paths.application(application.id)}>{m('household.openApplication', { site: site?.name ?? m('household.unknownSite') })}</a>
                <StatusBadge status={application.status} words={words} />
                <RecordSyncBadge entity="applications" recordId={application.id} />
                {application.submittedAt && <span class="event__meta">{formatDateTime(application.submittedAt)}</span>}
              </li>
            ))}
          </ul>
        )}
      </section>

      <EligibilityResultView result={eligibilityOf(current, detail.rule)} rule={detail.rule} words={words} headingLevel={2} />
      <DuplicateWarnings local={duplicates} flags={detail.duplicateFlags} words={words} headingLevel={2} />

      <section aria-labelledby="household-head">
        <h2 id="household-head">{m('household.head')}</h2>
        <HeadFacts household={current} words={words} />
      </section>
      <section aria-labelledby="household-members">
        <h2 id="household-members">{m('household.members')}</h2>
        <IncomeFacts household={current} words={words} />
      </section>
      <section aria-labelledby="household-housing">
        <h2 id="household-housing">{m('household.housing')}</h2>
        <HousingFacts household={current} words={words} />
      </section>
      <DocumentList attachments={detail.attachments} words={words} />
      <OfficeRecordHistory entity="households" recordId={current.id} />
    </div>
  );
}
