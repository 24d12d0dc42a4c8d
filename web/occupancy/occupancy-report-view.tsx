import { useCallback, useMemo } from 'preact/hooks';
import type { OccupancyReport } from '../../schema';
import type { OccupancyReportSource } from '../queries/occupancy-report';
import { changesSinceLastMonth, reportSummary } from './occupancy-rows';
import { MonthChanges, SummaryFacts, type OccupancyI18n } from './occupancy-summary';

interface OccupancyReportViewProps {
  report: OccupancyReport;
  source: OccupancyReportSource;
  previousMonthLabel: string;
  i18n: OccupancyI18n;
}

/** A submitted report, as it was sent: it no longer follows the units. */
export function OccupancyReportView({ report, source, previousMonthLabel, i18n }: OccupancyReportViewProps) {
  const { m, formatNumber, formatRupiah } = i18n;
  const units = useMemo(() => new Map(source.units.map((unit) => [unit.id, unit])), [source.units]);
  const unitCode = useCallback((unitId: string) => units.get(unitId)?.code ?? m('unknownUnit'), [units, m]);
  const summary = useMemo(() => reportSummary(report.rows), [report.rows]);
  const diff = useMemo(() => changesSinceLastMonth(report.rows, source.previousReport?.rows ?? null), [report.rows, source.previousReport]);

  return (
    <>
      <p class="note">{m('readOnly')}</p>
      <section aria-labelledby="occupancy-summary">
        <h2 id="occupancy-summary">{m('summary')}</h2>
        <SummaryFacts summary={summary} i18n={i18n} />
      </section>
      <MonthChanges diff={diff} rows={report.rows} unitCode={unitCode} previousMonthLabel={previousMonthLabel} i18n={i18n} headingId="occupancy-changes" />
      <section aria-labelledby="occupancy-units">
        <h2 id="occupancy-units">{m('units', { count: formatNumber(report.rows.length) })}</h2>
        <ol class="occupancy-rows">
          {report.rows.map((row) => (
            <li key={row.unitId} class="occupancy-row occupancy-row--read">
              <h3 class="occupancy-row__code">
                {unitCode(row.unitId)}{' '}
                <span class={`status status--${row.occupied ? 'occupied' : 'available'}`}>{row.occupied ? m('occupiedYes') : m('occupiedNo')}</span>
              </h3>
              <dl class="occupancy-row__facts">
                <div>
                  <dt>{m('rowOccupants')}</dt>
                  <dd>{formatNumber(row.occupants)}</dd>
                </div>
                <div>
                  <dt>{m('rowArrears')}</dt>
                  <dd>{row.arrearsMonths || row.arrearsAmount ? m('rowArrearsValue', { months: formatNumber(row.arrearsMonths), amount: formatRupiah(row.arrearsAmount) }) : m('none')}</dd>
                </div>
                <div>
                  <dt>{m('rowIssues')}</dt>
                  <dd>{row.issues || m('none')}</dd>
                </div>
              </dl>
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
