import { defineMessages } from '../i18n/feature-messages';

/** The words about a server-only copy: its age, refreshing it, and why it could not be refreshed. */
export const serverCopyMessages = defineMessages(
  {
    'copy.asOf': 'Diperbarui {time} ({relative})',
    'copy.none': 'Belum ada salinan di perangkat ini.',
    'copy.loading': 'Memuat dari server…',
    'copy.refresh': 'Muat ulang',
    'copy.refreshing': 'Memuat ulang…',
    'failure.offline': 'Tidak ada koneksi internet. Yang tampil adalah salinan terakhir di perangkat ini.',
    'failure.offlineNoCopy': 'Tidak ada koneksi internet, dan perangkat ini belum punya salinannya. Sambungkan ke internet, lalu tekan Muat ulang.',
    'failure.signedOut': 'Sesi Anda telah berakhir. Masuk lagi untuk memperbarui data ini.',
    'failure.forbidden': 'Anda tidak berhak melihat data ini.',
    'failure.notFound': 'Data ini tidak ada di server, atau Anda tidak berhak melihatnya.',
    'failure.refused': 'Server menolak permintaan: {message}',
    'failure.server': 'Server sedang bermasalah (kode {status}). Coba lagi nanti.',
    'failure.needsConnection': 'Perlu koneksi internet: perubahan ini disimpan langsung di server.',
  },
  {
    'copy.asOf': 'Updated {time} ({relative})',
    'copy.none': 'No copy on this device yet.',
    'copy.loading': 'Loading from the server…',
    'copy.refresh': 'Refresh',
    'copy.refreshing': 'Refreshing…',
    'failure.offline': 'No internet connection. Showing the last copy on this device.',
    'failure.offlineNoCopy': 'No internet connection, and this device has no copy yet. Connect to the internet, then press Refresh.',
    'failure.signedOut': 'Your session has ended. Sign in again to update this.',
    'failure.forbidden': 'You may not see this.',
    'failure.notFound': 'This is not on the server, or you may not see it.',
    'failure.refused': 'The server refused the request: {message}',
    'failure.server': 'The server has a problem (code {status}). Try again later.',
    'failure.needsConnection': 'Needs an internet connection: this change is saved on the server directly.',
  },
);
