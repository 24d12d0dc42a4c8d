import { useRef, useState } from 'preact/hooks';
import { useFeatureMessages } from '../i18n/feature-messages';
import { paths } from '../router/routes';
import { searchMessages } from '../search/search-messages';
import { useSearchResults } from '../search/use-search-results';
import { useDocumentTitle } from '../use-document-title';
import '../search/search.css';

/** At most this many per group: a keystroke reads and renders a bounded amount, whatever the region's size. */
const groupLimit = 50;

function queryFromAddress(): string {
  return new URLSearchParams(location.search).get('q') ?? '';
}

/** Households and units found offline, by name, NIK, KK number or unit code. */
export function SearchScreen() {
  const { m, t, formatNumber } = useFeatureMessages(searchMessages);
  const [query, setQuery] = useState(queryFromAddress);
  const answer = useSearchResults(query);
  useDocumentTitle(m('title'));

  const addressUpdate = useRef(0);
  function search(value: string) {
    setQuery(value);
    // Kept in the address (replaced, not pushed) so that Back from a result returns to the same
    // search; written off the keystroke's path, and not once the person has left the screen.
    clearTimeout(addressUpdate.current);
    addressUpdate.current = window.setTimeout(() => {
      if (location.pathname === paths.search()) history.replaceState(null, '', paths.search(value));
    }, 0);
  }

  const typed = query.trim();
  const results = answer && typed ? answer.results : null;
  // The answer may still be for the previous keystroke; say so rather than count the wrong query.
  const current = answer?.query === query;
  let status = '';
  if (typed && !current) status = m('searching');
  else if (results) {
    const values = { households: formatNumber(results.households.length), units: formatNumber(results.units.length), query: typed };
    status = results.moreHouseholds || results.moreUnits ? m('foundMore', values) : m('found', values);
  }

  return (
    <>
      <h1>{m('title')}</h1>
      <form role="search" onSubmit={(e) => e.preventDefault()}>
        <div class="field">
          <label for="search-query">{m('label')}</label>
          <input
            id="search-query"
            type="search"
            enterkeyhint="search"
            autocomplete="off"
            spellcheck={false}
            value={query}
            onInput={(e) => search(e.currentTarget.value)}
            aria-describedby="search-hint"
          />
          <p id="search-hint" class="field__hint">
            {m('hint')}
          </p>
        </div>
      </form>
      <p class="note" role="status" aria-live="polite">
        {status}
      </p>
      {!answer && typed && <p class="empty">{t('app.loading')}</p>}
      {results && (
        <>
          <section aria-labelledby="search-households">
            <h2 id="search-households">
              {m('households')} <span class="heading-sub">({formatNumber(results.households.length)})</span>
            </h2>
            {results.households.length === 0 ? (
              <p class="empty">{m('noHouseholds')}</p>
            ) : (
              <ul class="search-results">
                {results.households.map((household) => (
                  <li key={household.id} class="search-result">
                    <a class="search-result__link" href={paths.household(household.id)}>
                      {household.headName}
                    </a>
                    <span class="search-result__detail">
                      {m('nik', { nik: household.headNik })} · {m('kk', { kk: household.kkNumber })}
                    </span>
                    {household.member && <span class="search-result__detail">{m('member', { name: household.member.name, nik: household.member.nik })}</span>}
                  </li>
                ))}
              </ul>
            )}
            {results.moreHouseholds && <p class="note">{m('more', { count: formatNumber(groupLimit) })}</p>}
          </section>
          <section aria-labelledby="search-units">
            <h2 id="search-units">
              {m('units')} <span class="heading-sub">({formatNumber(results.units.length)})</span>
            </h2>
            {results.units.length === 0 ? (
              <p class="empty">{m('noUnits')}</p>
            ) : (
              <ul class="search-results">
                {results.units.map((unit) => (
                  <li key={unit.id} class="search-result">
                    <a class="search-result__link" href={paths.unit(unit.id)}>
                      {unit.code}
                      {unit.siteName && ` · ${unit.siteName}`}
                    </a>
                    <span class={`status status--${unit.status}`}>{t(`status.${unit.status}`)}</span>
                  </li>
                ))}
              </ul>
            )}
            {results.moreUnits && <p class="note">{m('more', { count: formatNumber(groupLimit) })}</p>}
          </section>
        </>
      )}
    </>
  );
}
