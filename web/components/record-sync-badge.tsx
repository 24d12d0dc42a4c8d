import type { EntityName } from '../../schema';
import { defineMessages, useFeatureMessages } from '../i18n/feature-messages';
import { useRecordSyncState, type RecordSyncState } from '../queries/record-sync-state';
import './photos.css';

const messages = defineMessages(
  {
    draft: 'Draf',
    returned: 'Dikembalikan',
    pending: 'Belum terkirim',
    rejected: 'Ditolak server',
    synced: 'Terkirim',
    rejectedRecord: 'Server menolak perubahan ini: {message}',
    rejectedAttachment: 'Server menolak sebuah lampiran: {message}',
    rejectedAttachmentBytes: 'Server menolak berkas sebuah lampiran: {message}',
  },
  {
    draft: 'Draft',
    returned: 'Returned',
    pending: 'Not sent yet',
    rejected: 'Refused by server',
    synced: 'Sent',
    rejectedRecord: 'The server refused this change: {message}',
    rejectedAttachment: 'The server refused an attachment: {message}',
    rejectedAttachmentBytes: 'The server refused an attachment’s file: {message}',
  },
);

const rejectionKey = {
  record: 'rejectedRecord',
  attachment: 'rejectedAttachment',
  attachmentBytes: 'rejectedAttachmentBytes',
} as const;

/** A small label saying where a record stands with the server: words, not colour alone. */
export function RecordSyncBadge({ entity, recordId }: { entity: EntityName; recordId: string }) {
  const state = useRecordSyncState(entity, recordId);
  return state ? <RecordSyncBadgeView state={state} /> : null;
}

/** The badge for a state already read (a list that reads many at once). */
export function RecordSyncBadgeView({ state }: { state: RecordSyncState }) {
  const { m } = useFeatureMessages(messages);
  const title = state.state === 'rejected' ? m(rejectionKey[state.of], { message: state.rejection.message || state.rejection.code }) : undefined;
  return (
    <span class={`record-sync-badge record-sync-badge--${state.state}`} data-sync-state={state.state} title={title}>
      {m(state.state)}
      {title && <span class="visually-hidden">. {title}</span>}
    </span>
  );
}
