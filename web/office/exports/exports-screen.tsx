import { useMemo, useRef, useState } from 'preact/hooks';
import { applicationStatuses, inspectionTypes, occupancyReportStatuses, unitStatuses } from '../../../schema';
import { useAppServices } from '../../app-services';
import { useFeatureMessages, type FeatureI18n } from '../../i18n/feature-messages';
import { inspectionTypeKey } from '../../i18n/inspection-type-key';
import { todayLocalDate } from '../../local-date';
import { useDocumentTitle } from '../../use-document-title';
import { useThrottledRead } from '../../use-throttled-read';
import { regionChoices, sitesInScope } from '../dashboard/occupancy-figures';
import { RegionSiteSelects } from '../region-site-selects';
import { downloadTable, type TableFormat } from './download-table';
import { exportTables, readExportSource } from './export-data';
import { buildExport, exportDatasets, noFilter, rangeKind, type ExportDataset, type ExportFilter, type ExportWords } from './export-datasets';
import { exportsMessages } from './exports-messages';
import './exports.css';

type Words = FeatureI18n<keyof (typeof exportsMessages)['id']>;

const previewRows = 10;

const statusValues: Record<ExportDataset, readonly string[]> = {
  applications: applicationStatuses,
  units: unitStatuses,
  inspections: inspectionTypes,
  occupancyReports: occupancyReportStatuses,
};

function statusWord(words: Words, dataset: ExportDataset, value: string): string {
  switch (dataset) {
    case 'applications':
      return words.m(`app.${value as (typeof applicationStatuses)[number]}`);
    case 'units':
      return words.t(`status.${value as (typeof unitStatuses)[number]}`);
    case 'inspections':
      return words.t(inspectionTypeKey(value as (typeof inspectionTypes)[number]));
    case 'occupancyReports':
      return words.m(`report.${value as (typeof occupancyReportStatuses)[number]}`);
  }
}

type DownloadState = { kind: 'idle' } | { kind: 'working' } | { kind: 'done'; file: string; count: number } | { kind: 'failed' };

export function ExportsScreen() {
  const words = useFeatureMessages(exportsMessages);
  const { m, t, formatNumber } = words;
  const { db } = useAppServices();
  const source = useThrottledRead(() => readExportSource(db), db, exportTables, [db]);
  const [dataset, setDataset] = useState<ExportDataset>('applications');
  const [filter, setFilter] = useState<ExportFilter>(noFilter);
  const [download, setDownload] = useState<DownloadState>({ kind: 'idle' });
  const rangeEnd = useRef<HTMLInputElement>(null);
  useDocumentTitle(m('title'));

  const today = todayLocalDate();
  const range = rangeKind[dataset];
  const rangeBackwards = !!(range && filter.from && filter.to && filter.to < filter.from);
  const exportWords = useMemo<ExportWords>(
    () => ({
      header: (column) => m(`col.${column}`),
      status: (which, value) => statusWord(words, which, value),
      yesNo: (value) => m(value ? 'yes' : 'no'),
    }),
    [words],
  );
  const regions = useMemo(() => (source ? regionChoices(source) : []), [source]);
  const sites = useMemo(
    () => (source ? sitesInScope(source, { regionId: filter.regionId, siteId: null }).sort((a, b) => a.name.localeCompare(b.name)) : []),
    [source, filter.regionId],
  );
  const table = useMemo(
    () => (source && !rangeBackwards ? buildExport(dataset, source, filter, exportWords, today) : undefined),
    [source, dataset, filter, exportWords, today, rangeBackwards],
  );

  function changeDataset(next: ExportDataset) {
    setDataset(next);
    // Statuses and ranges mean something else in each dataset; the place filters carry over.
    setFilter({ ...filter, status: null, from: null, to: null });
    setDownload({ kind: 'idle' });
  }
  function change(patch: Partial<ExportFilter>) {
    setFilter({ ...filter, ...patch });
    setDownload({ kind: 'idle' });
  }

  async function save(format: TableFormat) {
    if (!table) {
      rangeEnd.current?.focus();
      return;
    }
    const file = `${m('fileName', { dataset, date: today })}.${format}`;
    setDownload({ kind: 'working' });
    try {
      await downloadTable({ fileName: file, columns: table.columns, rows: table.rows, format });
      setDownload({ kind: 'done', file, count: table.rows.length });
    } catch (error) {
      console.error('The export failed', error);
      setDownload({ kind: 'failed' });
    }
  }

  return (
    <div class="exports">
      <h1>{m('title')}</h1>
      <p class="note">{m('intro')}</p>
      <div class="exports__layout">
        <form class="exports__form" onSubmit={(e) => e.preventDefault()}>
          <fieldset class="exports__datasets">
            <legend>{m('dataset')}</legend>
            {exportDatasets.map((d) => (
              <label key={d} class="exports__choice">
                <input type="radio" name="dataset" value={d} checked={dataset === d} onChange={() => changeDataset(d)} />
                {m(`dataset.${d}`)}
              </label>
            ))}
          </fieldset>
          <fieldset class="exports__filters">
            <legend>{m('filters')}</legend>
            <RegionSiteSelects
              idPrefix="export"
              regions={regions}
              sites={sites}
              value={filter}
              onChange={change}
              words={{ region: m('region'), allRegions: m('allRegions'), site: m('site'), allSites: m('allSites') }}
            />
            <div class="field">
              <label for="export-status">{m(`status.${dataset}`)}</label>
              <select id="export-status" value={filter.status ?? ''} onChange={(e) => change({ status: e.currentTarget.value || null })}>
                <option value="">{m('allStatuses')}</option>
                {statusValues[dataset].map((value) => (
                  <option key={value} value={value}>
                    {statusWord(words, dataset, value)}
                  </option>
                ))}
              </select>
            </div>
            {range && dataset !== 'units' && (
              <RangeFields
                key={dataset}
                words={words}
                dataset={dataset}
                kind={range}
                filter={filter}
                backwards={rangeBackwards}
                endRef={rangeEnd}
                onChange={change}
              />
            )}
          </fieldset>
          <div class="form__actions">
            <button type="button" class="button" disabled={download.kind === 'working'} onClick={() => void save('csv')}>
              {m('downloadCsv')}
            </button>
            <button type="button" class="button button--quiet" disabled={download.kind === 'working'} onClick={() => void save('xlsx')}>
              {m('downloadXlsx')}
            </button>
          </div>
          <p class="status-message" role="status" aria-live="polite">
            {download.kind === 'working' && m('downloading')}
            {download.kind === 'done' && m('downloaded', { file: download.file, count: formatNumber(download.count) })}
            {download.kind === 'failed' && m('downloadFailed')}
          </p>
        </form>
        <section class="exports__preview" aria-labelledby="export-preview-heading">
          <h2 id="export-preview-heading">{m('preview')}</h2>
          <p class="note" role="status" data-testid="export-count">
            {!source ? t('app.loading') : rangeBackwards ? m('fixFilters') : table!.rows.length === 0 ? m('countNone') : m('count', { count: formatNumber(table!.rows.length) })}
          </p>
          {table && table.rows.length > 0 && <PreviewTable words={words} table={table} />}
        </section>
      </div>
    </div>
  );
}

interface RangeProps {
  words: Words;
  dataset: Exclude<ExportDataset, 'units'>;
  kind: 'date' | 'month';
  filter: ExportFilter;
  backwards: boolean;
  endRef: { current: HTMLInputElement | null };
  onChange(patch: Partial<ExportFilter>): void;
}

function RangeFields({ words: { m }, dataset, kind, filter, backwards, endRef, onChange }: RangeProps) {
  return (
    <div class="exports__range">
      <div class="field">
        <label for="export-from">{m(`from.${kind}`)}</label>
        <input id="export-from" type={kind} value={filter.from ?? ''} aria-describedby="export-range-hint" onChange={(e) => onChange({ from: e.currentTarget.value || null })} />
      </div>
      <div class="field">
        <label for="export-to">{m(`to.${kind}`)}</label>
        <input
          id="export-to"
          ref={endRef}
          type={kind}
          value={filter.to ?? ''}
          aria-invalid={backwards}
          aria-describedby={backwards ? 'export-range-problem export-range-hint' : 'export-range-hint'}
          onChange={(e) => onChange({ to: e.currentTarget.value || null })}
        />
        {backwards && (
          <p id="export-range-problem" class="field__problem">
            {m('rangeBackwards')}
          </p>
        )}
      </div>
      <p id="export-range-hint" class="field__hint exports__range-hint">
        {m(`rangeHint.${dataset}`)}
      </p>
    </div>
  );
}

function PreviewTable({ words: { m, formatNumber }, table }: { words: Words; table: NonNullable<ReturnType<typeof buildExport>> }) {
  const shown = table.rows.slice(0, previewRows);
  const show = (value: unknown) => (value === null || value === undefined ? '' : typeof value === 'number' ? formatNumber(value) : String(value));
  return (
    <div class="exports__table-wrap" role="region" aria-labelledby="export-preview-caption" tabIndex={0}>
      <table class="exports__table" data-testid="export-preview">
        <caption id="export-preview-caption">{m('previewCaption', { shown: formatNumber(shown.length), count: formatNumber(table.rows.length) })}</caption>
        <thead>
          <tr>
            {table.columns.map((c) => (
              <th key={c.key} scope="col">
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.map((row, index) => (
            <tr key={index}>
              {table.columns.map((c) => (
                <td key={c.key}>{show(row[c.key])}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
