import { useSyncStatus } from '../queries/use-sync-status';
import { useI18n } from '../i18n/i18n-context';
import { paths } from '../router/routes';

/**
 * For a unit address the device cannot answer: before the first sync it may simply not have
 * arrived yet; after it, the unit is gone or outside the officer's regions.
 */
export function UnitMissing() {
  const { t } = useI18n();
  const syncStatus = useSyncStatus();
  const waiting = syncStatus !== undefined && !syncStatus.lastSyncedAt;
  return (
    <>
      <h1>{t('unit.notFound')}</h1>
      <p>{t('unit.notOnDevice')}</p>
      {waiting && <p>{t('units.waitingForSync')}</p>}
      <p>
        <a href={paths.home()}>{t('notFound.home')}</a>
      </p>
    </>
  );
}
