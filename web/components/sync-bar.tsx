import { largeClockSkewMs, type SyncStatus } from '../../worker';
import { useAppServices } from '../app-services';
import { useOutboxCounts } from '../queries/use-outbox-counts';
import { useSyncStatus } from '../queries/use-sync-status';
import type { MessageKey } from '../i18n/id';
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

type SyncError = NonNullable<SyncStatus['lastError']>;

function errorMessageKey(error: SyncError): MessageKey {
  if (error.kind === 'unauthorized') return 'sync.sessionEnded';
  // 426 (S18): the outbox waits either way; which side needs the update decides what to say.
  if (error.kind === 'outdated') return error.code === 'client_too_new' ? 'sync.serverOutdated' : 'sync.appOutdated';
  return 'sync.failed';
}

/** Minutes between the device's clock and the server's, when that is worth saying (S20). */
function clockSkewMinutes(status: SyncStatus | undefined): number | null {
  const skew = status?.clockSkewMs;
  if (skew === undefined || !Number.isFinite(skew) || Math.abs(skew) < largeClockSkewMs) return null;
  return Math.round(Math.abs(skew) / 60_000);
}

/** What the officer needs to trust the device: connection, unsent changes, last sync, a way to sync now. */
export function SyncBar() {
  const { t, formatRelative, formatNumber } = useI18n();
  const { requestSync } = useAppServices();
  const status = useSyncStatus();
  const counts = useOutboxCounts();
  const browserOnline = useOnline();
  const now = useNow(30_000);

  const error = status?.lastError ?? null;
  const online = browserOnline && error?.kind !== 'offline';
  const syncing = status ? isSyncing(status, now) : false;
  const skewMinutes = clockSkewMinutes(status);

  return (
    <section class="sync-bar" aria-label={t('sync.region')}>
      <div class="sync-bar__inner">
        <div class="sync-bar__texts">
          <p class="sync-bar__status" role="status" aria-live="polite">
            <span class={`connection ${online ? 'connection--online' : 'connection--offline'}`}>
              {online ? t('sync.online') : t('sync.offline')}
            </span>
            <span>
              <span data-testid="pending-count">{counts?.pending ?? 0}</span> {t('sync.pending')}
            </span>
            {counts && counts.rejected > 0 && (
              <span class="sync-bar__rejected">
                <span data-testid="rejected-count">{counts.rejected}</span> {t('sync.rejected')}
              </span>
            )}
            {syncing && <span>{t('sync.syncing')}</span>}
          </p>
          {/* Outside the live region: a clock that ticks every minute would be read out every minute. */}
          <p class="sync-bar__last">
            {status?.lastSyncedAt
              ? t('sync.lastSynced', { time: formatRelative(status.lastSyncedAt, now) })
              : t('sync.never')}
          </p>
          {/* Information, not a warning: nothing is blocked or reordered by the clock. */}
          {skewMinutes !== null && <p class="sync-bar__notice">{t('sync.clockSkew', { minutes: formatNumber(skewMinutes) })}</p>}
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
            <p role="alert">{t(errorMessageKey(error), { message: error.message })}</p>
            {error.kind === 'unauthorized' && <a href={paths.signIn()}>{t('sync.signInAgain')}</a>}
          </div>
        )}
      </div>
    </section>
  );
}
