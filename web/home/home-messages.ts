import { defineMessages } from '../i18n/feature-messages';

// Home's first paint is in the main chunk: only its own few words here. The to-do lists, which
// load just after, keep theirs in home-todo-messages.ts.
export const homeMessages = defineMessages(
  {
    title: 'Beranda',
    greeting: 'Selamat datang, {name}.',
    quickLinks: 'Pintasan',
    regions: 'Wilayah saya',
    noRegions: 'Belum ada wilayah di perangkat ini. Menunggu sinkronisasi…',
    todo: 'Yang perlu dikerjakan',
    storageLow: 'Ruang penyimpanan hampir habis ({free} tersisa).',
    storageLink: 'Lihat penyimpanan',
  },
  {
    title: 'Home',
    greeting: 'Welcome, {name}.',
    quickLinks: 'Shortcuts',
    regions: 'My regions',
    noRegions: 'No regions on this device yet. Waiting for sync…',
    todo: 'To do',
    storageLow: 'Storage is running low ({free} free).',
    storageLink: 'See storage',
  },
);
