import { useAppServices } from '../app-services';
import { homeMessages } from '../home/home-messages';
import { useFeatureMessages } from '../i18n/feature-messages';
import { lazyScreen } from '../lazy-screen';
import { currentMonth } from '../occupancy/month';
import { readMyRegions } from '../queries/home-regions';
import { useSession } from '../queries/use-session';
import { paths } from '../router/routes';
import { formatBytes } from '../storage/storage-level';
import { useStorageWarning } from '../storage/use-storage-warning';
import { useDocumentTitle } from '../use-document-title';
import { useLiveQuery } from '../use-live-query';
import { useNow } from '../use-now';
import '../home/home.css';

// The to-do lists load just after the first paint (precached, so offline too): their queries and
// the application drafts' parser would otherwise weigh on every cold start's main chunk.
const HomeTodo = lazyScreen(() => import('../home/home-todo').then((m) => m.HomeTodo));

/** The officer's first screen: her regions, what waits for her, and the way to the rest. */
export function HomeScreen() {
  const { m, t, formatNumber } = useFeatureMessages(homeMessages);
  const { db } = useAppServices();
  const user = useSession()?.user;
  const regionIds = user?.regionIds ?? [];
  // The month turns while the app stays open on a phone; checked each minute.
  const month = currentMonth(useNow(60_000));
  const regions = useLiveQuery(() => readMyRegions(db, regionIds), [db, regionIds.join(',')]);
  const storage = useStorageWarning();
  useDocumentTitle(m('title'));

  return (
    <>
      <h1>{m('title')}</h1>
      {user && <p class="home-greeting">{m('greeting', { name: user.displayName })}</p>}

      {storage && (
        <p class={`home-banner home-banner--${storage.level}`} role="alert">
          {m('storageLow', { free: formatBytes(storage.free, formatNumber) })} <a href={paths.storage()}>{m('storageLink')}</a>
        </p>
      )}

      <nav aria-label={m('quickLinks')}>
        <ul class="quick-links">
          {[
            [paths.newApplication(), t('app.newApplication')],
            [paths.units(), t('app.allUnits')],
            [paths.search(), t('app.search')],
          ].map(([href, words], i) => (
            <li key={href}>
              <a class={i ? 'button button--quiet' : 'button'} href={href}>
                {words}
              </a>
            </li>
          ))}
        </ul>
      </nav>

      <section aria-labelledby="home-regions">
        <h2 id="home-regions">{m('regions')}</h2>
        {!regions ? (
          <p class="empty">{t('app.loading')}</p>
        ) : regions.length === 0 ? (
          <p class="empty">{m('noRegions')}</p>
        ) : (
          <ul class="home-list">
            {regions.map((region) => (
              <li key={region.id}>
                <strong>{region.name}</strong>
                {region.parents.map((name) => ` · ${name}`).join('')}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="home-todo">
        <h2 id="home-todo">{m('todo')}</h2>
        {user && <HomeTodo userId={user.id} regionIds={regionIds} month={month} />}
      </section>
    </>
  );
}
