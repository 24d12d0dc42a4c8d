import type { ComponentChildren } from 'preact';
import { SCHEMA_VERSION, type DeviceHealth } from '../../../schema';
import { roleKey, roleMessages } from '../../admin/role-messages';
import { shortDeviceId } from '../../audit/short-device-id';
import { useFeatureMessages, type FeatureI18n } from '../../i18n/feature-messages';
import { useI18n } from '../../i18n/i18n-context';
import { entityWords } from '../../i18n/record-words';
import { ServerCopyStatus } from '../../server-copy/server-copy-status';
import { useServerCopy } from '../../server-copy/use-server-copy';
import { useDocumentTitle } from '../../use-document-title';
import { useNow } from '../../use-now';
import { deviceRows, devicesCopyKey, devicesPath, lastContact, parseDevices, rejectionMessageKey, type DeviceRow } from './device-health';
import { syncHealthMessages } from './sync-health-messages';
import '../../server-copy/card-table.css';
import './sync-health.css';

type Words = FeatureI18n<keyof typeof syncHealthMessages.id>;

/** A cell that names its column on a phone, where the table shows as cards. */
function Cell({ label, class: className, children }: { label: string; class?: string; children: ComponentChildren }) {
  return (
    <td data-label={label} class={className}>
      <div>{children}</div>
    </td>
  );
}

function LastSync({ device, words, now }: { device: DeviceHealth; words: Words; now: Date }) {
  const { m, formatDateTime, formatRelative } = words;
  const last = lastContact(device);
  if (!last) return <>{m('neverSynced')}</>;
  return (
    <>
      <time dateTime={last.at}>{formatRelative(last.at, now)}</time>
      <span class="sub">{formatDateTime(last.at)}</span>
      {last.by === 'server' && <span class="sub">{m('seenByServer')}</span>}
    </>
  );
}

function Rejections({ device, words }: { device: DeviceHealth; words: Words }) {
  const { m, t, formatNumber } = words;
  const locale = useI18n();
  if (device.rejectedCount === 0) return <>{formatNumber(0)}</>;
  return (
    <>
      <strong>{formatNumber(device.rejectedCount)}</strong>
      {device.recentRejections.length > 0 && (
        <details class="device-rejections">
          <summary>{m('showRejections', { count: device.recentRejections.length })}</summary>
          <ul>
            {device.recentRejections.map((r) => (
              <li key={r.mutationId}>
                <span>
                  {m('rejection.record')}: {r.entity ? entityWords(locale, r.entity) : m('unknownEntity')}
                  {r.recordId && <code> {shortDeviceId(r.recordId)}</code>}
                </span>
                <span>
                  {m('rejection.code')}: <code>{r.code}</code>
                </span>
                <span title={r.message}>
                  {m('rejection.message')}: {t(rejectionMessageKey(r.code))}
                </span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}

function DeviceTableRow({ row, words, now }: { row: DeviceRow; words: Words; now: Date }) {
  const { m, formatNumber } = words;
  const roles = useFeatureMessages(roleMessages);
  const { device } = row;
  const count = (value: number | null) => (value === null ? <span class="sub">{m('notReported')}</span> : formatNumber(value));
  return (
    <tr class={row.needsAttention ? 'device-row device-row--attention' : 'device-row'}>
      <th scope="row" data-label={m('col.user')}>
        <div>
          {device.displayName}
          <span class="sub">
            {device.username} · {m('col.device')} <code>{shortDeviceId(device.deviceId)}</code>
          </span>
          {!device.active && <span class="sub">{m('inactiveUser')}</span>}
          {(row.stale || row.olderSchema) && (
            <ul class="device-flags">
              {row.stale && <li class="device-flag">{m('flag.stale')}</li>}
              {row.olderSchema && <li class="device-flag">{m('flag.olderSchema')}</li>}
            </ul>
          )}
        </div>
      </th>
      <Cell label={m('col.role')}>{roles.m(roleKey(device.role))}</Cell>
      <Cell label={m('col.lastSync')}>
        <LastSync device={device} words={words} now={now} />
        {device.reportedAt && device.reportedAt !== device.lastSyncAt && <span class="sub">{m('reportedAt', { time: words.formatDateTime(device.reportedAt) })}</span>}
      </Cell>
      <Cell label={m('col.pending')} class="number">
        {count(device.pendingCount)}
      </Cell>
      <Cell label={m('col.uploads')} class="number">
        {count(device.pendingUploads)}
      </Cell>
      <Cell label={m('col.appVersion')}>{device.appVersion ?? '–'}</Cell>
      <Cell label={m('col.schemaVersion')} class={row.olderSchema ? 'number device-old-schema' : 'number'}>
        {device.schemaVersion === null ? '–' : formatNumber(device.schemaVersion)}
      </Cell>
      <Cell label={m('col.rejected')} class="number">
        <Rejections device={device} words={words} />
      </Cell>
    </tr>
  );
}

/** The office's view of every device: when it last synced, what it still holds, what was refused. */
export function SyncHealthScreen() {
  const words = useFeatureMessages(syncHealthMessages);
  const { m } = words;
  const state = useServerCopy(devicesCopyKey, devicesPath, parseDevices);
  const now = useNow(60_000);
  useDocumentTitle(m('title'));
  const rows = state.copy ? deviceRows(state.copy.value, now) : [];

  return (
    <div class="sync-health">
      <h1>{m('title')}</h1>
      <p class="note">{m('intro', { schema: SCHEMA_VERSION })}</p>
      <ServerCopyStatus state={state} />
      {state.copy &&
        (rows.length === 0 ? (
          <p class="empty">{m('empty')}</p>
        ) : (
          <>
            <p>{m('summary', { count: rows.length, attention: rows.filter((r) => r.needsAttention).length })}</p>
            <table class="card-table device-table">
              <caption class="visually-hidden">{m('caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{m('col.user')}</th>
                  <th scope="col">{m('col.role')}</th>
                  <th scope="col">{m('col.lastSync')}</th>
                  <th scope="col" class="number">{m('col.pending')}</th>
                  <th scope="col" class="number">{m('col.uploads')}</th>
                  <th scope="col">{m('col.appVersion')}</th>
                  <th scope="col" class="number">{m('col.schemaVersion')}</th>
                  <th scope="col" class="number">{m('col.rejected')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <DeviceTableRow key={row.device.deviceId} row={row} words={words} now={now} />
                ))}
              </tbody>
            </table>
          </>
        ))}
    </div>
  );
}
