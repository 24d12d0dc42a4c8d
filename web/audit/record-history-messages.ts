import { defineMessages } from '../i18n/feature-messages';

export const recordHistoryMessages = defineMessages(
  {
    title: 'Riwayat perubahan',
    intro: 'Siapa mengubah apa, dan kapan, menurut catatan server.',
    'action.created': 'Dibuat',
    'action.changed': 'Diubah',
    'action.deleted': 'Dihapus',
    by: 'oleh {name}',
    unknownUser: 'pengguna tidak dikenal',
    device: 'perangkat',
    noDevice: 'langsung di server',
    changes: 'Yang berubah',
    becomes: 'menjadi',
    noChanges: 'Tidak ada isian yang berubah.',
    empty: 'Belum ada perubahan yang tercatat.',
  },
  {
    title: 'Change history',
    intro: 'Who changed what, and when, as the server recorded it.',
    'action.created': 'Created',
    'action.changed': 'Changed',
    'action.deleted': 'Deleted',
    by: 'by {name}',
    unknownUser: 'unknown user',
    device: 'device',
    noDevice: 'on the server',
    changes: 'What changed',
    becomes: 'becomes',
    noChanges: 'No field changed.',
    empty: 'No changes recorded yet.',
  },
);
