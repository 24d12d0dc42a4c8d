import type { OccupancyRow } from '../../schema';
import type { FeatureI18n } from '../i18n/feature-messages';
import type { MonthOverMonth, ReportSummary, RowChange } from './occupancy-rows';
import type { OccupancyMessageKey } from './occupancy-messages';

export type OccupancyI18n = FeatureI18n<OccupancyMessageKey>;

/** A share 0..1 as a percentage with at most one decimal, e.g. "87,5%". */
export function formatRate(rate: number, i18n: OccupancyI18n): string {
  return `${i18n.formatNumber(Math.round(rate * 1000) / 10)}%`;
}

export function changeWords(change: RowChange, i18n: OccupancyI18n): string {
  const { m, formatNumber, formatRupiah } = i18n;
  switch (change.kind) {
    case 'new':
    case 'becameOccupied':
    case 'becameVacant':
      return m(`change.${change.kind}`);
    case 'occupants':
      return m('change.occupants', { from: formatNumber(change.from), to: formatNumber(change.to) });
    case 'arrears':
      return m('change.arrears', {
        fromMonths: formatNumber(change.fromMonths),
        fromAmount: formatRupiah(change.fromAmount),
        toMonths: formatNumber(change.toMonths),
        toAmount: formatRupiah(change.toAmount),
      });
  }
}

/** The report's totals, as a list of terms and values. */
export function SummaryFacts({ summary, i18n }: { summary: ReportSummary; i18n: OccupancyI18n }) {
  const { m, formatNumber, formatRupiah } = i18n;
  const facts: [OccupancyMessageKey, string][] = [
    ['summary.units', formatNumber(summary.units)],
    ['summary.occupied', formatNumber(summary.occupied)],
    ['summary.vacant', formatNumber(summary.vacant)],
    ['summary.rate', formatRate(summary.occupancyRate, i18n)],
    ['summary.occupants', formatNumber(summary.occupants)],
    ['summary.unitsInArrears', formatNumber(summary.unitsInArrears)],
    ['summary.arrears', formatRupiah(summary.arrearsAmount)],
  ];
  return (
    <dl class="facts occupancy-facts">
      {facts.map(([key, value]) => (
        <div key={key}>
          <dt>{m(key)}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

interface MonthChangesProps {
  diff: MonthOverMonth | null;
  rows: readonly OccupancyRow[];
  unitCode: (unitId: string) => string;
  previousMonthLabel: string;
  i18n: OccupancyI18n;
  headingId: string;
}

/** Every unit that changed since last month's report, with what changed; units dropped from it last. */
export function MonthChanges({ diff, rows, unitCode, previousMonthLabel, i18n, headingId }: MonthChangesProps) {
  const { m, formatNumber } = i18n;
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{m('changes', { month: previousMonthLabel })}</h2>
      {!diff ? (
        <p class="note">{m('changes.noPrevious', { month: previousMonthLabel })}</p>
      ) : diff.changed.size === 0 && diff.removedUnitIds.length === 0 ? (
        <p class="note">{m('changes.none', { month: previousMonthLabel })}</p>
      ) : (
        <>
          <p class="note">{m('changes.count', { count: formatNumber(diff.changed.size) })}</p>
          <ul class="occupancy-changes">
            {rows
              .filter((row) => diff.changed.has(row.unitId))
              .map((row) => (
                <li key={row.unitId}>
                  <strong>{unitCode(row.unitId)}</strong>: {diff.changed.get(row.unitId)!.map((change) => changeWords(change, i18n)).join('; ')}
                </li>
              ))}
          </ul>
          {diff.removedUnitIds.length > 0 && <p class="note">{m('changes.removed', { units: diff.removedUnitIds.map(unitCode).join(', ') })}</p>}
        </>
      )}
    </section>
  );
}
