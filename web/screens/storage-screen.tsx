import { useEffect, useRef, useState } from 'preact/hooks';
import { exportUnsentWork, unsentWork, unsentWorkFileName } from '../../worker';
import { useAppServices } from '../app-services';
import { useFeatureMessages } from '../i18n/feature-messages';
import { formatBytes } from '../storage/storage-level';
import { storageMessages } from '../storage/storage-messages';
import { useStorageEstimate } from '../storage/use-storage-warning';
import { useDocumentTitle } from '../use-document-title';
import { useLiveQuery } from '../use-live-query';
import '../storage/storage.css';

type Persistence = 'persisted' | 'notPersisted' | 'unsupported';

async function readPersistence(): Promise<Persistence> {
  if (!navigator.storage?.persisted) return 'unsupported';
  try {
    return (await navigator.storage.persisted()) ? 'persisted' : 'notPersisted';
  } catch {
    return 'unsupported';
  }
}

/** Offers the file to the person: an <a download> on an object URL, clicked once for them. */
function offerDownload(url: string, name: string) {
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
}

/** Storage: how much space is used and free, persistent storage, and the last-resort export of unsent work. */
export function StorageScreen() {
  const { m, t, formatNumber } = useFeatureMessages(storageMessages);
  const { db } = useAppServices();
  const [estimate, refreshEstimate] = useStorageEstimate(15_000);
  const unsent = useLiveQuery(() => unsentWork(db), [db]);
  const [persistence, setPersistence] = useState<Persistence | undefined>(undefined);
  const [persistAnswer, setPersistAnswer] = useState('');
  const [asking, setAsking] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [exportMessage, setExportMessage] = useState('');
  const [exportFailure, setExportFailure] = useState('');
  const [download, setDownload] = useState<{ url: string; name: string } | null>(null);
  const lastUrl = useRef<string | null>(null);
  useDocumentTitle(m('title'));

  useEffect(() => {
    void readPersistence().then(setPersistence);
  }, []);
  // The file stays downloadable while the screen is open; its memory goes when the screen does.
  useEffect(() => () => void (lastUrl.current && URL.revokeObjectURL(lastUrl.current)), []);

  async function askPersistence() {
    if (!navigator.storage?.persist) return setPersistence('unsupported');
    setAsking(true);
    try {
      const granted = await navigator.storage.persist();
      setPersistAnswer(granted ? m('persistGranted') : m('persistDenied'));
    } catch {
      setPersistAnswer(m('persistDenied'));
    }
    setAsking(false);
    setPersistence(await readPersistence());
  }

  async function exportWork() {
    setExporting(true);
    setExportFailure('');
    setExportMessage(m('exporting'));
    try {
      const blob = await exportUnsentWork(db);
      const name = unsentWorkFileName();
      if (lastUrl.current) URL.revokeObjectURL(lastUrl.current);
      const url = (lastUrl.current = URL.createObjectURL(blob));
      setDownload({ url, name });
      offerDownload(url, name);
      setExportMessage(m('exported', { name, size: formatBytes(blob.size, formatNumber) }));
    } catch (error) {
      setExportMessage('');
      setExportFailure(m('exportFailed', { reason: error instanceof Error ? error.message : String(error) }));
    }
    setExporting(false);
    refreshEstimate();
  }

  const nothingUnsent = unsent !== undefined && unsent.changes === 0 && unsent.uploads === 0;

  return (
    <div class="narrow">
      <h1>{m('title')}</h1>

      <section aria-labelledby="storage-space">
        <h2 id="storage-space">{m('space')}</h2>
        {estimate === undefined ? (
          <p class="empty">{t('app.loading')}</p>
        ) : estimate === null ? (
          <p class="note">{m('unknown')}</p>
        ) : (
          <>
            <p>
              {m('used', {
                used: formatBytes(estimate.usage, formatNumber),
                quota: formatBytes(estimate.quota, formatNumber),
                percent: `${formatNumber(Math.round((estimate.usage / estimate.quota) * 1000) / 10)}%`,
              })}
              <br />
              <strong>{m('free', { free: formatBytes(estimate.free, formatNumber) })}</strong>
            </p>
            <meter
              class="storage-meter"
              aria-label={m('meter')}
              min={0}
              max={estimate.quota}
              value={estimate.usage}
              low={estimate.quota * 0.85}
              high={estimate.quota * 0.95}
              optimum={0}
            />
            {estimate.level !== 'ok' && (
              <p class={estimate.level === 'critical' ? 'form__alert' : 'storage-warning'} role="alert">
                {m(estimate.level)}
              </p>
            )}
          </>
        )}
      </section>

      <section aria-labelledby="storage-persistence">
        <h2 id="storage-persistence">{m('persistence')}</h2>
        <p class="note">{m('persistenceIntro')}</p>
        {persistence && (
          <p>
            <strong>{m(persistence === 'persisted' ? 'persisted' : persistence === 'notPersisted' ? 'notPersisted' : 'persistUnsupported')}</strong>
          </p>
        )}
        {persistence === 'notPersisted' && (
          <button type="button" class="button" disabled={asking} aria-busy={asking} onClick={() => void askPersistence()}>
            {m('askPersist')}
          </button>
        )}
        <p class="status-message" role="status" aria-live="polite">
          {persistAnswer}
        </p>
      </section>

      <section aria-labelledby="storage-unsent">
        <h2 id="storage-unsent">{m('unsent')}</h2>
        <dl class="facts">
          <div>
            <dt>{m('unsentChanges')}</dt>
            <dd data-testid="unsent-changes">{unsent ? formatNumber(unsent.changes) : '…'}</dd>
          </div>
          <div>
            <dt>{m('unsentUploads')}</dt>
            <dd data-testid="unsent-uploads">{unsent ? formatNumber(unsent.uploads) : '…'}</dd>
          </div>
        </dl>
        <p class="note">{m('exportIntro')}</p>
        {nothingUnsent && <p>{m('nothingUnsent')}</p>}
        <button type="button" class="button" disabled={exporting || nothingUnsent} aria-busy={exporting} onClick={() => void exportWork()}>
          {m('export')}
        </button>
        <p class="status-message" role="status" aria-live="polite">
          {exportMessage}
        </p>
        {exportFailure && (
          <p class="form__alert" role="alert">
            {exportFailure}
          </p>
        )}
        {download && !exporting && (
          <p>
            <a href={download.url} download={download.name}>
              {m('downloadAgain', { name: download.name })}
            </a>
          </p>
        )}
      </section>
    </div>
  );
}
