import type { SessionUser } from '../../schema';
import { useOpenConflictCount } from '../queries/use-open-conflict-count';
import { useI18n } from '../i18n/i18n-context';
import { mayResolveConflicts } from '../may-resolve-conflicts';
import { paths } from '../router/routes';
import { isOfficeRole } from '../router/route-access';
import { LanguageSwitch } from './language-switch';
import { SignOutButton } from './sign-out-button';

/** Which navigation link names the screen on show, if any. */
export type NavSection =
  | 'home'
  | 'units'
  | 'search'
  | 'storage'
  | 'conflicts'
  | 'reviewQueue'
  | 'dashboard'
  | 'exports'
  | 'syncHealth'
  | 'adminUsers'
  | null;

function ConflictsLink({ current }: { current: boolean }) {
  const { t, formatNumber } = useI18n();
  const open = useOpenConflictCount();
  return (
    <a href={paths.conflicts()} aria-current={current ? 'page' : undefined}>
      {t('app.conflicts')}
      {/* The space keeps the accessible name "Konflik 5 terbuka", not "Konflik5 terbuka". */}
      {open !== undefined && open > 0 && (
        <>
          {' '}
          <span class="nav-count">
            {formatNumber(open)}
            <span class="visually-hidden"> {t('app.openConflicts')}</span>
          </span>
        </>
      )}
    </a>
  );
}

export function AppHeader({ user, section }: { user: SessionUser | undefined; section: NavSection }) {
  const { t } = useI18n();
  return (
    <header class="app-header">
      <div class="app-header__inner">
        <a class="app-header__brand" href={paths.home()}>
          {t('app.name')}
        </a>
        {user && (
          <nav class="app-header__nav" aria-label={t('app.nav')}>
            <a href={paths.home()} aria-current={section === 'home' ? 'page' : undefined}>
              {t('app.home')}
            </a>
            <a href={paths.units()} aria-current={section === 'units' ? 'page' : undefined}>
              {t('app.allUnits')}
            </a>
            <a href={paths.search()} aria-current={section === 'search' ? 'page' : undefined}>
              {t('app.search')}
            </a>
            <a href={paths.storage()} aria-current={section === 'storage' ? 'page' : undefined}>
              {t('app.storage')}
            </a>
            {mayResolveConflicts(user) && <ConflictsLink current={section === 'conflicts'} />}
            {isOfficeRole(user.role) && (
              <>
                <a href={paths.reviewQueue()} aria-current={section === 'reviewQueue' ? 'page' : undefined}>
                  {t('app.reviewQueue')}
                </a>
                <a href={paths.dashboard()} aria-current={section === 'dashboard' ? 'page' : undefined}>
                  {t('app.dashboard')}
                </a>
                <a href={paths.exports()} aria-current={section === 'exports' ? 'page' : undefined}>
                  {t('app.exports')}
                </a>
                <a href={paths.syncHealth()} aria-current={section === 'syncHealth' ? 'page' : undefined}>
                  {t('app.syncHealth')}
                </a>
              </>
            )}
            {user.role === 'admin' && (
              <a href={paths.adminUsers()} aria-current={section === 'adminUsers' ? 'page' : undefined}>
                {t('app.adminUsers')}
              </a>
            )}
          </nav>
        )}
        {user && <span class="app-header__user">{user.displayName}</span>}
        {user && <SignOutButton />}
        <div class="app-header__lang">
          <LanguageSwitch />
        </div>
      </div>
    </header>
  );
}
