import type { SessionUser } from '../../schema';
import { useI18n } from '../i18n/i18n-context';
import { paths } from '../router/routes';
import { LanguageSwitch } from './language-switch';

export function AppHeader({ user }: { user: SessionUser | undefined }) {
  const { t } = useI18n();
  return (
    <header class="app-header">
      <div class="app-header__inner">
        <a class="app-header__brand" href={paths.units()}>
          {t('app.name')}
        </a>
        {user && (
          <nav class="app-header__nav" aria-label={t('app.nav')}>
            <a href={paths.units()}>{t('app.allUnits')}</a>
          </nav>
        )}
        {user && <span class="app-header__user">{user.displayName}</span>}
        <div class="app-header__lang">
          <LanguageSwitch />
        </div>
      </div>
    </header>
  );
}
