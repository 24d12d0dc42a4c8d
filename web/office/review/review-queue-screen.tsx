import { useMemo, useState } from 'preact/hooks';
import { applicationStatuses } from '../../../schema';
import { useAppServices } from '../../app-services';
import { applicationMessages } from '../../applications/application-messages';
import '../../applications/applications.css';
import { StatusBadge } from '../../applications/status-badge';
import { useFeatureMessages } from '../../i18n/feature-messages';
import { readMyRegions, regionsWithin } from '../../queries/home-regions';
import { useSession } from '../../queries/use-session';
import { navigate, useSearchParam } from '../../router/history-router';
import { paths } from '../../router/routes';
import { useDocumentTitle } from '../../use-document-title';
import { useLiveQuery } from '../../use-live-query';
import { useNow } from '../../use-now';
import { downloadTable, type TableFormat } from '../exports/download-table';
import '../office.css';
import { readQueueRows } from './read-queue-rows';
import { ageInDays, filterQueue, parseQueueQuery, queueQueryString, withKnownRegion, type QueueFilters, type QueueRow } from './review-queue';
import { reviewMessages } from './review-messages';
import './review.css';

/** `detail`: the error's own message (often English), shown only after the sentence in the user's words. */
type ExportState = { key: 'queue.exporting' } | { key: 'queue.exported'; count: number } | { key: 'queue.exportFailed'; detail: string } | null;

/** The office's queue of applications: filtered by region and status, oldest first, exportable. */
export function ReviewQueueScreen() {
  const words = useFeatureMessages(reviewMessages);
  const appWords = useFeatureMessages(applicationMessages);
  const { m, formatDateTime, formatNumber } = words;
  const { db } = useAppServices();
  const session = useSession();
  const now = useNow(60 * 60_000);
  useDocumentTitle(m('queue.title'));

  // The address is the filters' only home, so back, reload and a shared link keep them.
  const region = useSearchParam('region');
  const status = useSearchParam('status');
  const sort = useSearchParam('sort');
  const asked = useMemo(() => parseQueueQuery(new URLSearchParams({ region: region ?? '', status: status ?? '', sort: sort ?? '' }).toString()), [region, status, sort]);

  const regionIdsKey = session ? session.user.regionIds.join(',') : '';
  const myRegions = useLiveQuery(async () => (session ? readMyRegions(db, session.user.regionIds) : []), [db, regionIdsKey]);
  const allRegions = useLiveQuery(() => db.regions.toArray(), [db]);
  const rows = useLiveQuery(() => readQueueRows(db), [db]);
  // The user's regions and those below them (a shared link may name a city of the user's province).
  const regionChoices = useMemo(() => {
    if (!myRegions || !allRegions) return undefined;
    const within = regionsWithin(allRegions, myRegions.map((r) => r.id));
    return allRegions.filter((r) => !r.deleted && within.has(r.id));
  }, [myRegions, allRegions]);
  const filters = useMemo(() => (regionChoices ? withKnownRegion(asked, regionChoices) : asked), [asked, regionChoices]);
  // A region below the user's own, named by the address, is shown in the select as chosen.
  const extraRegion = filters.regionId && myRegions && !myRegions.some((r) => r.id === filters.regionId) ? regionChoices?.find((r) => r.id === filters.regionId) : undefined;
  const setFilters = (change: Partial<QueueFilters>) => navigate(paths.reviewQueue(queueQueryString({ ...filters, ...change })), { replace: true });
  const shown = useMemo(() => {
    if (!rows || !allRegions || !regionChoices) return undefined;
    return filterQueue(rows, filters, (regionId) => regionsWithin(allRegions, [regionId]));
  }, [rows, allRegions, regionChoices, filters]);

  const [exportState, setExportState] = useState<ExportState>(null);
  async function exportRows(format: TableFormat) {
    if (!shown) return;
    setExportState({ key: 'queue.exporting' });
    try {
      await downloadTable({
        fileName: `${m('queue.fileName')}-${now.toISOString().slice(0, 10)}`,
        format,
        columns: [
          { key: 'headName', header: m('queue.headName') },
          { key: 'siteName', header: m('queue.site') },
          { key: 'regionName', header: m('queue.regionColumn') },
          { key: 'status', header: m('queue.statusColumn') },
          { key: 'submittedAt', header: m('queue.submittedAtColumn') },
          { key: 'ageDays', header: m('queue.ageColumn') },
          { key: 'duplicate', header: m('queue.duplicateColumn') },
        ],
        rows: shown.map((row) => ({
          headName: row.headName,
          siteName: row.siteName,
          regionName: row.regionName,
          status: appWords.m(`status.${row.status}`),
          submittedAt: row.submittedAt ?? '',
          ageDays: ageInDays(row.submittedAt, now) ?? '',
          duplicate: m(row.duplicate ? 'queue.yes' : 'queue.no'),
        })),
      });
      setExportState({ key: 'queue.exported', count: shown.length });
    } catch (error) {
      setExportState({ key: 'queue.exportFailed', detail: error instanceof Error ? error.message : String(error) });
    }
  }

  const age = (row: QueueRow) => {
    const days = ageInDays(row.submittedAt, now);
    return days === null ? m('queue.notSubmitted') : m('queue.ageDays', { days: formatNumber(days) });
  };
  const name = (row: QueueRow) => row.headName || m('queue.unnamed');
  const duplicateMark = (row: QueueRow) =>
    row.duplicate && (
      <span class="duplicate-mark" title={m('queue.duplicateTitle')}>
        {m('queue.duplicate')}
      </span>
    );

  return (
    <div class="office-screen review-queue">
      <h1>{m('queue.title')}</h1>
      <form class="queue-filters" aria-label={m('queue.filters')} onSubmit={(e) => e.preventDefault()}>
        <div class="field">
          <label for="queue-region">{m('queue.region')}</label>
          <select id="queue-region" value={filters.regionId ?? ''} onChange={(e) => setFilters({ regionId: e.currentTarget.value || null })}>
            <option value="">{m('queue.allRegions')}</option>
            {(myRegions ?? []).map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
            {extraRegion && <option value={extraRegion.id}>{extraRegion.name}</option>}
          </select>
        </div>
        <div class="field">
          <label for="queue-status">{m('queue.status')}</label>
          <select id="queue-status" value={filters.status} onChange={(e) => setFilters({ status: e.currentTarget.value as QueueFilters['status'] })}>
            <option value="open">{m('queue.open')}</option>
            <option value="all">{m('queue.all')}</option>
            {applicationStatuses.map((s) => (
              <option key={s} value={s}>
                {appWords.m(`status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="queue-sort">{m('queue.sort')}</label>
          <select id="queue-sort" value={filters.sort} onChange={(e) => setFilters({ sort: e.currentTarget.value as QueueFilters['sort'] })}>
            <option value="age">{m('queue.sortAge')}</option>
            <option value="name">{m('queue.sortName')}</option>
          </select>
        </div>
      </form>

      <div class="queue-toolbar">
        <p role="status" aria-live="polite" class="queue-count">
          {shown && m('queue.count', { count: formatNumber(shown.length) })}
        </p>
        <div class="form__actions">
          <button type="button" class="button button--quiet button--small" disabled={!shown || exportState?.key === 'queue.exporting'} onClick={() => void exportRows('csv')}>
            {m('queue.exportCsv')}
          </button>
          <button type="button" class="button button--quiet button--small" disabled={!shown || exportState?.key === 'queue.exporting'} onClick={() => void exportRows('xlsx')}>
            {m('queue.exportExcel')}
          </button>
        </div>
      </div>
      <p class="status-message" role="status">
        {exportState && m(exportState.key, 'count' in exportState ? { count: exportState.count } : {})}
        {exportState && 'detail' in exportState && exportState.detail && ` (${exportState.detail})`}
      </p>

      {shown === undefined ? (
        <p class="empty">{words.t('app.loading')}</p>
      ) : shown.length === 0 ? (
        <p class="empty">{m('queue.empty')}</p>
      ) : (
        <>
          {/* Desktop: one table across the width. Phone: one card per application. CSS shows one. */}
          <table class="queue-table">
            <thead>
              <tr>
                <th scope="col">{m('queue.headName')}</th>
                <th scope="col">{m('queue.site')}</th>
                <th scope="col">{m('queue.regionColumn')}</th>
                <th scope="col">{m('queue.statusColumn')}</th>
                <th scope="col">{m('queue.age')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((row) => (
                <tr key={row.applicationId}>
                  <th scope="row">
                    <a href={paths.reviewApplication(row.applicationId)}>{name(row)}</a> {duplicateMark(row)}
                  </th>
                  <td>{row.siteName}</td>
                  <td>{row.regionName}</td>
                  <td>
                    <StatusBadge status={row.status} words={appWords} />
                  </td>
                  <td title={row.submittedAt ? formatDateTime(row.submittedAt) : undefined}>{age(row)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <ul class="queue-cards">
            {shown.map((row) => (
              <li key={row.applicationId} class="queue-card">
                <a href={paths.reviewApplication(row.applicationId)} class="queue-card__name">
                  {name(row)}
                </a>
                {duplicateMark(row)}
                <p class="queue-card__meta">
                  {row.siteName} · {row.regionName}
                </p>
                <p class="queue-card__meta">
                  <StatusBadge status={row.status} words={appWords} /> · {age(row)}
                </p>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
