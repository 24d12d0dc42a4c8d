import { useState } from 'preact/hooks';
import type { Session } from '../../worker';
import { useAppServices } from '../app-services';
import { RecordSyncBadge } from '../components/record-sync-badge';
import { RejectionNotice } from '../components/rejection-notice';
import { useFeatureMessages } from '../i18n/feature-messages';
import { formatMonth, previousMonth } from '../occupancy/month';
import { occupancyMessages } from '../occupancy/occupancy-messages';
import { OccupancyReportForm } from '../occupancy/occupancy-report-form';
import { OccupancyReportView } from '../occupancy/occupancy-report-view';
import type { OccupancyI18n } from '../occupancy/occupancy-summary';
import { readOccupancyReportSource, type OccupancyReportSource } from '../queries/occupancy-report';
import { useRecordSyncState } from '../queries/record-sync-state';
import { useSession } from '../queries/use-session';
import { paths } from '../router/routes';
import { useDocumentTitle } from '../use-document-title';
import { useLiveQuery } from '../use-live-query';
import '../occupancy/occupancy.css';

interface ReportBodyProps {
  source: OccupancyReportSource;
  session: Session;
  siteId: string;
  month: string;
  i18n: OccupancyI18n;
}

/** Mounted once the sources are read: whether the form or the submitted report shows is decided here. */
function ReportBody({ source, session, siteId, month, i18n }: ReportBodyProps) {
  const { m, formatDateTime } = i18n;
  // Decided when the screen opens: a report submitted elsewhere while the officer types keeps the
  // form (with a notice), so that what she typed stays on screen.
  const [editing, setEditing] = useState(() => source.report?.status !== 'submitted');
  const [submittedHere, setSubmittedHere] = useState(false);
  // Opened again by the officer to fix what the server refused; saving makes it a draft again.
  const [reopened, setReopened] = useState(false);
  const report = source.report;
  // A submitted report the server refused is the one case the officer may change it again (S15).
  const syncState = useRecordSyncState('occupancyReports', report?.id ?? '');
  const refused = syncState?.state === 'rejected' ? syncState.rejection : null;
  const previousMonthLabel = formatMonth(previousMonth(month), i18n.lang);
  const status = report ? report.status : 'new';

  return (
    <>
      <p class="occupancy-status">
        <span>{m('status', { status: m(`status.${status}`) })}</span>
        {report?.submittedAt && <span>{m('submittedAt', { time: formatDateTime(report.submittedAt) })}</span>}
        {report && <RecordSyncBadge entity="occupancyReports" recordId={report.id} />}
      </p>
      <p class="status-message" role="status" aria-live="polite">
        {submittedHere ? m('submitted') : ''}
      </p>
      {editing || !report ? (
        <OccupancyReportForm
          source={source}
          session={session}
          siteId={siteId}
          month={month}
          previousMonthLabel={previousMonthLabel}
          i18n={i18n}
          reopened={reopened}
          onSubmitted={() => {
            setEditing(false);
            setReopened(false);
            setSubmittedHere(true);
            window.scrollTo({ top: 0 });
          }}
        />
      ) : (
        <>
          {refused && (
            <RejectionNotice rejection={refused}>
              <p>{m('refused')}</p>
              <button
                type="button"
                class="button button--small"
                onClick={() => {
                  setReopened(true);
                  setEditing(true);
                }}
              >
                {m('reopen')}
              </button>
            </RejectionNotice>
          )}
          <OccupancyReportView report={report} source={source} previousMonthLabel={previousMonthLabel} i18n={i18n} />
        </>
      )}
    </>
  );
}

/** A site's monthly occupancy report: pre-filled from the device's units and leases, filled, reviewed, submitted. */
export function OccupancyReportScreen({ siteId, month }: { siteId: string; month: string }) {
  const i18n = useFeatureMessages(occupancyMessages);
  const { m, t } = i18n;
  const { db } = useAppServices();
  const session = useSession();
  const source = useLiveQuery(() => readOccupancyReportSource(db, siteId, month), [db, siteId, month]);
  const title = m('title', { month: formatMonth(month, i18n.lang) });
  useDocumentTitle(source === null ? m('siteMissing') : source ? `${title} · ${source.site.name}` : title);

  if (source === undefined || !session) return <p class="empty">{t('app.loading')}</p>;
  if (source === null) {
    return (
      <>
        <h1>{m('siteMissing')}</h1>
        <p class="empty">{m('siteMissingBody')}</p>
        <a href={paths.home()}>{m('home')}</a>
      </>
    );
  }
  return (
    <>
      <h1>{title}</h1>
      <p class="heading-context">
        {source.site.name} · {source.site.address}
      </p>
      <ReportBody source={source} session={session} siteId={siteId} month={month} i18n={i18n} />
    </>
  );
}
