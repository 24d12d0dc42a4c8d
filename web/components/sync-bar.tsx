import type { SyncStatus } from '../../worker';
import { useAppServices } from '../app-services';
import { usePendingCount } from '../queries/use-pending-count';
import { useSyncStatus } from '../queries/use-sync-status';
import { useI18n } from '../i18n/i18n-context';
import { paths } from '../router/routes';
import { useNow } from '../use-now';
import { useOnline } from '../use-online';

/**
 * A context killed mid-round (a closed tab, a stopped service worker) leaves `syncing` set for
 * good. Past this age the flag is not believed, so the button cannot stay disabled forever; a
 * press during a real round only queues one more round.
 */
const staleSyncingMs = 2 * 60_000;

function isSyncing(status: SyncStatus, now: Date): boolean {
  if (!status.syncing) return false;
  return !status.lastAttemptAt || now.getTime() - new Date(status.lastAttemptAt).getTime() < staleSyncingMs;
}

/** What the officer needs to trust the device: connection, unsent changes, last sync, a way to sync now. */
export function SyncBar() {
  const { t, formatRelative } = useI18n();
  const { requestSync } = useAppServices();
  const status = useSyncStatus();
  const pendingCount = usePendingCount();
  const browserOnline = useOnline();
  const now = useNow(30_000);

  const error = status?.lastError ?? null;
  const online = browserOnline && error?.kind !== 'offline';
  const syncing = status ? isSyncing(status, now) : false;

  return (
    <section class="sync-bar" aria-label={t('sync.region')}>
      <div class="sync-bar__inner">
        <div class="sync-bar__texts">
          <p class="sync-bar__status" role="status" aria-live="polite">
            <span class={`connection ${online ? 'connection--online' : 'connection--offline'}`}>
              {online ? t('sync.online') : t('sync.offline')}
            </span>
            <span>
              <span data-testid="pending-count">{pendingCount ?? 0}</span> {t('sync.pending')}
            </span>
            {syncing && <span>{t('sync.syncing')}</span>}
          </p>
          {/* Outside the live region: a clock that ticks every minute would be read out every minute. */}
          <p class="sync-bar__last">
            {status?.lastSyncedAt
              ? t('sync.lastSynced', { time: formatRelative(status.lastSyncedAt, now) })
              : t('sync.never')}
          </p>
        </div>
        <button
          type="button"
          class="button button--small"
          disabled={syncing}
          aria-busy={syncing}
          // Not awaited: the bar follows the round through the status the engine writes.
          onClick={() => void requestSync()}
        >
          {t('sync.now')}
        </button>
        {error && error.kind !== 'offline' && (
          <div class="sync-bar__error">
            <p role="alert">
              {error.kind === 'unauthorized' ? t('sync.sessionEnded') : t('sync.failed', { message: error.message })}
            </p>
            {error.kind === 'unauthorized' && <a href={paths.signIn()}>{t('sync.signInAgain')}</a>}
          </div>
        )}
      </div>
    </section>
  );
}
