import { useCallback, useMemo, useRef, useState } from 'preact/hooks';
import { useAppServices } from '../app-services';
import { WindowedList } from '../components/windowed-list';
import { readUnitRows, UnitFilters, type UnitRow } from '../queries/unit-rows';
import { useSyncStatus } from '../queries/use-sync-status';
import { useI18n } from '../i18n/i18n-context';
import { paths } from '../router/routes';
import { useDocumentTitle } from '../use-document-title';
import { useThrottledRead } from '../use-throttled-read';
import './units-screen.css';

/**
 * A region can hold thousands of units: the list renders only the rows near the viewport, so a
 * keystroke in the search box costs the filter and a screenful of rows, whatever the count.
 * Rows have a fixed pitch (card height in styles.css plus the gap).
 */
const rowPitch = 96;

function queryFromAddress(): string {
  return new URLSearchParams(location.search).get('q') ?? '';
}

export function UnitsScreen() {
  const { t, formatNumber } = useI18n();
  const { db } = useAppServices();
  const rows = useThrottledRead(() => readUnitRows(db), db, ['units', 'sites'], [db]);
  const syncStatus = useSyncStatus();
  const [query, setQuery] = useState(queryFromAddress);
  const filters = useRef<UnitFilters | undefined>(undefined);
  const matches = useMemo(() => {
    if (!rows) return [];
    if (filters.current?.rows !== rows) filters.current = new UnitFilters(rows);
    return filters.current.matches(query);
  }, [rows, query]);
  const renderRow = useCallback(
    (row: UnitRow) => (
      <div class="unit-card">
        <a class="unit-card__link" href={paths.unit(row.id)}>
          <span class="unit-card__code">{row.code}</span>
          {row.siteName && ` · ${row.siteName}`}
        </a>
        <span class={`status status--${row.status}`}>{t(`status.${row.status}`)}</span>
        <span class="unit-card__address">{row.siteAddress}</span>
      </div>
    ),
    [t],
  );
  useDocumentTitle(t('units.title'));

  const addressUpdate = useRef(0);
  function search(value: string) {
    setQuery(value);
    // Kept in the address (replaced, not pushed) so that Back from a unit returns to the same
    // search. Written after the list is painted, off the keystroke's path; not if the user has
    // left the list meanwhile, which would overwrite the new screen's address.
    // (A timeout alone ran before the frame, on the keystroke's path: the frame comes first. A
    // hidden page draws no frames, so there the timeout goes alone.)
    cancelAnimationFrame(addressUpdate.current);
    const write = () =>
      setTimeout(() => {
        if (location.pathname === paths.units()) history.replaceState(null, '', value ? `${paths.units()}?q=${encodeURIComponent(value)}` : paths.units());
      }, 0);
    if (document.hidden) write();
    else addressUpdate.current = requestAnimationFrame(write);
  }

  let emptyMessage: string | undefined;
  if (!rows) {
    emptyMessage = t('app.loading');
  } else if (rows.length === 0) {
    emptyMessage = syncStatus?.lastSyncedAt ? t('units.noneInRegion') : t('units.waitingForSync');
  } else if (matches.length === 0) {
    emptyMessage = t('units.noMatch', { query: query.trim() });
  }

  return (
    <>
      <h1>{t('units.title')}</h1>
      <div class="field">
        <label for="unit-search">{t('units.search')}</label>
        <input
          id="unit-search"
          type="search"
          enterkeyhint="search"
          autocomplete="off"
          value={query}
          onInput={(e) => search(e.currentTarget.value)}
        />
      </div>
      {emptyMessage && <p class="empty">{emptyMessage}</p>}
      {rows && rows.length > 0 && (
        <p class="note" role="status">
          {t('units.count', { count: formatNumber(matches.length) })}
        </p>
      )}
      {matches.length > 0 && (
        <WindowedList
          class="unit-list"
          items={matches}
          rowPitch={rowPitch}
          itemKey={(row) => row.id}
          renderItem={renderRow}
        />
      )}
    </>
  );
}
