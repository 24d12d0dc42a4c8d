import { useEffect, useState } from 'preact/hooks';
import { useAppServices } from '../app-services';
import { useOutboxCounts } from '../queries/use-outbox-counts';
import { useI18n } from '../i18n/i18n-context';
import { useUpdateWaiting } from '../use-update-waiting';

/**
 * Offers a new app version that waits because changes are unsent (S19), or because the app is
 * open. The live region is always in the page, so that its text is announced when it fills.
 */
export function UpdateBanner() {
  const { t, formatNumber } = useI18n();
  const { applyUpdate } = useAppServices();
  const waiting = useUpdateWaiting();
  const counts = useOutboxCounts();
  const [updating, setUpdating] = useState(false);
  // The page reloads when the new version takes control. Should it not (the worker went away),
  // the button comes back instead of staying disabled for good.
  useEffect(() => {
    if (!updating) return;
    const timer = setTimeout(() => setUpdating(false), 10_000);
    return () => clearTimeout(timer);
  }, [updating]);
  // Rejected changes are unsent too, and the upgrade keeps them just the same.
  const unsent = counts ? counts.pending + counts.rejected : 0;

  return (
    <div role="status" class={waiting ? 'update-banner' : undefined}>
      {waiting && (
        <div class="update-banner__inner">
          <p class="update-banner__text">
            <strong>{t('update.ready')}</strong>
            {unsent > 0 && <span> {unsent === 1 ? t('update.unsentKeptOne') : t('update.unsentKept', { count: formatNumber(unsent) })}</span>}
          </p>
          <button
            type="button"
            class="button button--small"
            disabled={updating}
            aria-busy={updating}
            onClick={() => {
              setUpdating(true);
              applyUpdate();
            }}
          >
            {t('update.now')}
          </button>
        </div>
      )}
    </div>
  );
}
