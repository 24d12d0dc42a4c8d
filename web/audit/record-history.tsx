import { useFeatureMessages } from '../i18n/feature-messages';
import { ServerCopyStatus } from '../server-copy/server-copy-status';
import { useServerCopy } from '../server-copy/use-server-copy';
import { changeWords, historyCopyKey, historyLines, historyPath, parseHistory } from './history-lines';
import { recordHistoryMessages } from './record-history-messages';
import { shortDeviceId } from './short-device-id';
import './record-history.css';

/** The author of the demo data and of other records the server wrote itself (api/seed). */
const systemUserId = 'system';

/**
 * The audit trail of one record as the server keeps it (S27): who, when, from which device, and
 * what changed. Server-only: fetched online, the last copy kept on the device for offline.
 * The office's screens only; load it lazily, it brings the validators with it.
 */
export function RecordHistory({ entity, recordId, headingLevel = 2 }: { entity: string; recordId: string; headingLevel?: 2 | 3 }) {
  const words = useFeatureMessages(recordHistoryMessages);
  const { m, formatDateTime } = words;
  const state = useServerCopy(historyCopyKey(entity, recordId), historyPath(entity, recordId), parseHistory);
  const headingId = `record-history-${entity}-${recordId}`;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const lines = state.copy ? historyLines(state.copy.value.entries) : [];

  return (
    <section class="record-history" aria-labelledby={headingId}>
      <Heading id={headingId}>{m('title')}</Heading>
      <p class="note">{m('intro')}</p>
      <ServerCopyStatus state={state} />
      {state.copy &&
        (lines.length === 0 ? (
          <p class="empty">{m('empty')}</p>
        ) : (
          <ol class="record-history__list">
            {lines.map((line) => (
              <li key={line.seq} class="record-history__entry">
                <p class="record-history__who">
                  <strong>{m(`action.${line.action}`)}</strong> {m('by', { name: line.userName ?? (line.userId === systemUserId ? m('systemUser') : m('unknownUser')) })} ·{' '}
                  <time dateTime={line.serverTime}>{formatDateTime(line.serverTime)}</time> ·{' '}
                  {line.deviceId ? (
                    <span>
                      {m('device')}{' '}
                      <code>{shortDeviceId(line.deviceId)}</code>
                    </span>
                  ) : (
                    m('noDevice')
                  )}
                </p>
                {line.action !== 'deleted' &&
                  (line.changes.length === 0 ? (
                    <p class="empty">{m('noChanges')}</p>
                  ) : (
                    <ul class="record-history__changes" aria-label={m('changes')}>
                      {line.changes.map((change) => {
                        const shown = changeWords(words, entity, change);
                        return (
                          <li key={change.field}>
                            <span class="record-history__field">{shown.field}</span>:{' '}
                            {line.action === 'created' ? (
                              <span>{shown.to}</span>
                            ) : (
                              <>
                                <del>{shown.from}</del> <span aria-hidden="true">→</span>
                                <span class="visually-hidden"> {m('becomes')} </span> <ins>{shown.to}</ins>
                              </>
                            )}
                          </li>
                        );
                      })}
                    </ul>
                  ))}
              </li>
            ))}
          </ol>
        ))}
    </section>
  );
}
