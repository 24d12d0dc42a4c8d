import type { ChartConfiguration } from 'chart.js';
import type { ComponentChildren } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import { useAppServices } from '../../app-services';
import { useFeatureMessages, type FeatureI18n } from '../../i18n/feature-messages';
import { todayLocalDate } from '../../local-date';
import { formatMonth } from '../../occupancy/month';
import { paths } from '../../router/routes';
import { useDocumentTitle } from '../../use-document-title';
import { useSyncStatus } from '../../queries/use-sync-status';
import { useNow } from '../../use-now';
import { useThrottledRead } from '../../use-throttled-read';
import { DashboardChart } from './dashboard-chart';
import { dashboardTables, readDashboardSource } from './dashboard-data';
import { dashboardMessages } from './dashboard-messages';
import { RegionSiteSelects } from '../region-site-selects';
import { computeDashboard, regionChoices, sitesInScope, type DashboardFigures, type DashboardFilter, type Occupancy } from './occupancy-figures';
import './dashboard.css';

type Words = FeatureI18n<keyof (typeof dashboardMessages)['id']>;

const colours = { rate: '#0f5e5a', vacant: '#1d3f8a', arrears: '#9a5b00', overdue: '#a3241b' };

function filterFromAddress(): DashboardFilter {
  const query = new URLSearchParams(location.search);
  return { regionId: query.get('region') || null, siteId: query.get('site') || null };
}

/** Kept in the address (replaced, not pushed), so that reload and a shared link keep the choice. */
function writeFilterToAddress(filter: DashboardFilter) {
  const query = new URLSearchParams();
  if (filter.regionId) query.set('region', filter.regionId);
  if (filter.siteId) query.set('site', filter.siteId);
  const search = query.toString();
  history.replaceState(history.state, '', search ? `${paths.dashboard()}?${search}` : paths.dashboard());
}

export function DashboardScreen() {
  const words = useFeatureMessages(dashboardMessages);
  const { m, t } = words;
  const { db } = useAppServices();
  // Checked each minute; the read re-runs when the day turns (overdue flags, the live month).
  const today = todayLocalDate(useNow(60_000));
  const source = useThrottledRead(() => readDashboardSource(db, today), db, dashboardTables, [db, today]);
  const [filter, setFilter] = useState(filterFromAddress);
  useDocumentTitle(m('title'));

  const regions = useMemo(() => (source ? regionChoices(source) : []), [source]);
  // A region or site named in the address that this device does not hold counts as no choice, as
  // the select shows it, rather than an empty dashboard under "All regions".
  const chosen = useMemo<DashboardFilter>(() => {
    if (!source) return filter;
    const regionId = filter.regionId && regions.some((r) => r.id === filter.regionId) ? filter.regionId : null;
    const siteId = filter.siteId && sitesInScope(source, { regionId, siteId: null }).some((s) => s.id === filter.siteId) ? filter.siteId : null;
    return regionId === filter.regionId && siteId === filter.siteId ? filter : { regionId, siteId };
  }, [source, regions, filter]);
  const siteChoices = useMemo(
    () => (source ? sitesInScope(source, { regionId: chosen.regionId, siteId: null }).sort((a, b) => a.name.localeCompare(b.name)) : []),
    [source, chosen.regionId],
  );
  const figures = useMemo(() => (source ? computeDashboard(source, chosen, today.slice(0, 7)) : undefined), [source, chosen, today]);
  const syncStatus = useSyncStatus();

  function choose(next: DashboardFilter) {
    setFilter(next);
    writeFilterToAddress(next);
  }

  return (
    <div class="dashboard">
      <h1>{m('title')}</h1>
      <p class="note">
        {m('intro')}
        {syncStatus?.lastSyncedAt && ` ${m('asOf', { time: words.formatDateTime(syncStatus.lastSyncedAt) })}`}
      </p>
      <fieldset class="dashboard__filters">
        <legend>{m('filters')}</legend>
        <RegionSiteSelects
          idPrefix="dashboard"
          regions={regions}
          sites={siteChoices}
          value={chosen}
          onChange={choose}
          words={{ region: m('region'), allRegions: m('allRegions'), site: m('site'), allSites: m('allSites') }}
        />
      </fieldset>
      {!figures ? (
        <p class="empty" role="status">
          {t('app.loading')}
        </p>
      ) : (
        <DashboardBody figures={figures} words={words} />
      )}
    </div>
  );
}

function percent(words: Words, rate: number | null): string {
  return rate === null ? '–' : `${words.formatNumber(Math.round(rate * 1000) / 10)}%`;
}

function DashboardBody({ figures, words }: { figures: DashboardFigures; words: Words }) {
  const { m, formatNumber, formatRupiah } = words;
  const { totals } = figures;
  return (
    <>
      <p class="note" role="status">
        {totals.sites === 0 ? m('noSites') : m('showing', { sites: formatNumber(totals.sites), units: formatNumber(totals.rentable) })}
      </p>
      <section aria-labelledby="dashboard-headline">
        <h2 id="dashboard-headline" class="visually-hidden">
          {m('headline')}
        </h2>
        <ul class="dashboard__figures">
          <FigureCard id="occupancy-rate" label={m('figure.rate')} value={percent(words, totals.rate)} hint={m('figure.ofUnits', { count: formatNumber(totals.rentable) })} />
          <FigureCard id="occupied" label={m('figure.occupied')} value={formatNumber(totals.occupied)} />
          <FigureCard id="vacant" label={m('figure.vacant')} value={formatNumber(totals.vacant)} />
          <FigureCard
            id="arrears"
            label={m('figure.arrears')}
            // A plain space after "Rp": a large sum may then wrap below it instead of overflowing the card.
            value={formatRupiah(totals.arrearsAmount).replace(/\u00a0/g, ' ')}
            hint={`${m('figure.arrearsHouseholds', { count: formatNumber(totals.arrearsHouseholds) })}, ${m('figure.arrearsSites', { count: formatNumber(totals.arrearsSites), total: formatNumber(totals.sites) })}`}
            hintTestId="figure-arrears-households"
            wide
          />
          <FigureCard id="overdue-repairs" label={m('figure.overdue')} value={formatNumber(totals.overdueRepairs)} hint={m('figure.overdueHint')} />
        </ul>
      </section>
      <MonthSection figures={figures} words={words} />
      <SiteSection figures={figures} words={words} />
      <RegionSection figures={figures} words={words} />
    </>
  );
}

function FigureCard({ id, label, value, hint, hintTestId, wide }: { id: string; label: string; value: string; hint?: string; hintTestId?: string; wide?: boolean }) {
  return (
    <li class={wide ? 'dashboard__figure dashboard__figure--wide' : 'dashboard__figure'} aria-labelledby={`figure-label-${id}`}>
      <span id={`figure-label-${id}`} class="dashboard__figure-label">
        {label}
      </span>
      <span class="dashboard__figure-value" data-testid={`figure-${id}`}>
        {value}
      </span>
      {hint && (
        <span class="dashboard__figure-hint" data-testid={hintTestId}>
          {hint}
        </span>
      )}
    </li>
  );
}

function MonthSection({ figures, words }: { figures: DashboardFigures; words: Words }) {
  const { m, lang, formatNumber, formatRupiah } = words;
  const months = figures.byMonth;
  const label = (month: string) => formatMonth(month, lang);
  const config = useMemo(
    (): ChartConfiguration<'line', (number | null)[], string> => ({
      type: 'line',
      data: {
        labels: months.map((f) => label(f.month)),
        datasets: [
          {
            label: m('series.rate'),
            data: months.map((f) => (f.rate === null ? null : Math.round(f.rate * 1000) / 10)),
            borderColor: colours.rate,
            backgroundColor: colours.rate,
            spanGaps: false,
          },
        ],
      },
      options: { responsive: true, maintainAspectRatio: false, scales: { y: { min: 0, max: 100, ticks: { callback: (v) => `${v}%` } } } },
    }),
    [months, m, lang],
  );
  const summary = months.map((f) => `${label(f.month)} ${percent(words, f.rate)}`).join('; ');
  return (
    <section class="dashboard__section" aria-labelledby="dashboard-by-month">
      <h2 id="dashboard-by-month">{m('byMonth')}</h2>
      <DashboardChart label={m('byMonthChart', { summary })} config={config} loadingText={m('chartLoading')} failedText={m('chartFailed')} />
      <ScrollTable captionId="dashboard-month-caption">
        <table class="dashboard__table" data-testid="table-by-month">
          <caption id="dashboard-month-caption">{m('byMonthCaption', { from: label(months[0]!.month), to: label(months.at(-1)!.month) })}</caption>
          <thead>
            <tr>
              <th scope="col">{m('col.month')}</th>
              <th scope="col">{m('col.rate')}</th>
              <th scope="col">{m('col.occupied')}</th>
              <th scope="col">{m('col.vacant')}</th>
              <th scope="col">{m('col.arrearsHouseholds')}</th>
              <th scope="col">{m('col.arrearsAmount')}</th>
              <th scope="col">{m('col.source')}</th>
            </tr>
          </thead>
          <tbody>
            {months.map((f) => {
              const none = f.source === 'reports' && f.sitesReported === 0;
              return (
                <tr key={f.month}>
                  <th scope="row">{label(f.month)}</th>
                  <td>{percent(words, f.rate)}</td>
                  <td>{none ? '–' : formatNumber(f.occupied)}</td>
                  <td>{none ? '–' : formatNumber(f.vacant)}</td>
                  <td>{none ? '–' : formatNumber(f.arrearsHouseholds)}</td>
                  <td>{none ? '–' : formatRupiah(f.arrearsAmount)}</td>
                  <td class="dashboard__text">{f.source === 'live' ? m('source.live') : m('source.reports', { count: formatNumber(f.sitesReported), total: formatNumber(f.sitesInScope) })}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollTable>
    </section>
  );
}

function SiteSection({ figures, words }: { figures: DashboardFigures; words: Words }) {
  const { m, lang, formatNumber } = words;
  const sites = figures.bySite;
  const config = useMemo(
    (): ChartConfiguration<'bar', number[], string> => ({
      type: 'bar',
      data: {
        labels: sites.map((s) => s.siteName),
        datasets: [
          { label: m('series.vacant'), data: sites.map((s) => s.vacant), backgroundColor: colours.vacant },
          { label: m('series.arrears'), data: sites.map((s) => s.arrearsHouseholds), backgroundColor: colours.arrears },
          { label: m('series.overdue'), data: sites.map((s) => s.overdueRepairs), backgroundColor: colours.overdue },
        ],
      },
      options: { responsive: true, maintainAspectRatio: false, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
    }),
    [sites, m],
  );
  if (sites.length === 0) return null;
  const summary = sites
    .map((s) => m('bySiteSummary', { site: s.siteName, vacant: formatNumber(s.vacant), arrears: formatNumber(s.arrearsHouseholds), overdue: formatNumber(s.overdueRepairs) }))
    .join('; ');
  return (
    <section class="dashboard__section" aria-labelledby="dashboard-by-site">
      <h2 id="dashboard-by-site">{m('bySite')}</h2>
      <DashboardChart
        label={m('bySiteChart', { summary })}
        config={config}
        loadingText={m('chartLoading')}
        failedText={m('chartFailed')}
      />
      <ScrollTable captionId="dashboard-site-caption">
        <table class="dashboard__table" data-testid="table-by-site">
          <caption id="dashboard-site-caption">{m('bySiteCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{m('col.site')}</th>
              <th scope="col">{m('col.region')}</th>
              <OccupancyHeaders words={words} />
              <th scope="col">{m('col.arrearsMonth')}</th>
              <th scope="col">{m('col.overdue')}</th>
            </tr>
          </thead>
          <tbody>
            {sites.map((s) => (
              <tr key={s.siteId}>
                <th scope="row">{s.siteName}</th>
                <td class="dashboard__text">{s.regionName}</td>
                <OccupancyCells figures={s} words={words} arrearsUnknown={s.arrearsMonth === null} />
                <td class="dashboard__text">{s.arrearsMonth ? formatMonth(s.arrearsMonth, lang) : m('noReport')}</td>
                <td>{formatNumber(s.overdueRepairs)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
    </section>
  );
}

function RegionSection({ figures, words }: { figures: DashboardFigures; words: Words }) {
  const { m, formatNumber } = words;
  if (figures.byRegion.length === 0) return null;
  return (
    <section class="dashboard__section" aria-labelledby="dashboard-by-region">
      <h2 id="dashboard-by-region">{m('byRegion')}</h2>
      <ScrollTable captionId="dashboard-region-caption">
        <table class="dashboard__table" data-testid="table-by-region">
          <caption id="dashboard-region-caption">{m('byRegionCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{m('col.region')}</th>
              <th scope="col">{m('col.sites')}</th>
              <OccupancyHeaders words={words} />
              <th scope="col">{m('col.overdue')}</th>
            </tr>
          </thead>
          <tbody>
            {figures.byRegion.map((r) => (
              <tr key={r.regionId}>
                <th scope="row">{r.regionName}</th>
                <td>{formatNumber(r.sites)}</td>
                <OccupancyCells figures={r} words={words} />
                <td>{formatNumber(r.overdueRepairs)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
    </section>
  );
}

function OccupancyHeaders({ words: { m } }: { words: Words }) {
  return (
    <>
      <th scope="col">{m('col.units')}</th>
      <th scope="col">{m('col.occupied')}</th>
      <th scope="col">{m('col.vacant')}</th>
      <th scope="col">{m('col.rate')}</th>
      <th scope="col">{m('col.arrearsHouseholds')}</th>
      <th scope="col">{m('col.arrearsAmount')}</th>
    </>
  );
}

/** `arrearsUnknown`: no report of this month or last, so no current arrears to show (not zero). */
function OccupancyCells({ figures, words, arrearsUnknown = false }: { figures: Occupancy; words: Words; arrearsUnknown?: boolean }) {
  const { formatNumber, formatRupiah } = words;
  return (
    <>
      <td>{formatNumber(figures.rentable)}</td>
      <td>{formatNumber(figures.occupied)}</td>
      <td>{formatNumber(figures.vacant)}</td>
      <td>{percent(words, figures.rate)}</td>
      <td>{arrearsUnknown ? '–' : formatNumber(figures.arrearsHouseholds)}</td>
      <td>{arrearsUnknown ? '–' : formatRupiah(figures.arrearsAmount)}</td>
    </>
  );
}

/** A wide table scrolls inside its own box on a phone; focusable, so the keyboard can scroll it. */
function ScrollTable({ captionId, children }: { captionId: string; children: ComponentChildren }) {
  return (
    <div class="dashboard__table-wrap" role="region" aria-labelledby={captionId} tabIndex={0}>
      {children}
    </div>
  );
}
