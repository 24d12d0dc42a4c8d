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
        <ol class="occupancy-rows occupancy-rows--read">
          {report.rows.map((row) => (
            <li key={row.unitId} class="occupancy-row occupancy-row--read">
              <p class="occupancy-row__line">
                <strong class="occupancy-row__code">{unitCode(row.unitId)}</strong>
                <span class={`status status--${row.occupied ? 'occupied' : 'available'}`}>{row.occupied ? m('occupiedYes') : m('occupiedNo')}</span>
                <span>
                  {m('rowOccupants', { count: formatNumber(row.occupants) })} ·{' '}
                  {row.arrearsMonths || row.arrearsAmount
                    ? m('rowArrears', { months: formatNumber(row.arrearsMonths), amount: formatRupiah(row.arrearsAmount) })
                    : m('rowNoArrears')}
                </span>
              </p>
              {row.issues && <p>{m('rowIssues', { issues: row.issues })}</p>}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
