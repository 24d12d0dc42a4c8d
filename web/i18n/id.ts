/**
 * Bahasa Indonesia, the default. Its keys are the list every other language must fill (en.ts is
 * typed against it). `{name}` marks a value filled in by `t(key, { name })`.
 */
export const id = {
  'app.name': 'Hunian',
  'app.skipToContent': 'Lewati ke konten',
  'app.nav': 'Navigasi utama',
  'app.allUnits': 'Semua unit',
  'app.loading': 'Memuat…',
  'language.other': 'English',

  'signIn.title': 'Masuk',
  'signIn.renewIntro': 'Sesi Anda berakhir. Masuk lagi untuk melanjutkan sinkronisasi; data di perangkat ini tetap aman.',
  'signIn.username': 'Nama pengguna',
  'signIn.password': 'Kata sandi',
  'signIn.submit': 'Masuk',
  'signIn.wrongCredentials': 'Nama pengguna atau kata sandi salah',
  'signIn.offline': 'Tidak ada koneksi. Masuk pertama kali perlu internet.',
  'signIn.otherUserPending': 'Perangkat ini masih menyimpan perubahan pengguna lain yang belum tersinkron. Minta pengguna itu masuk dan menyinkronkan dulu.',
  'signIn.failed': 'Gagal masuk: {message}',

  'units.title': 'Unit di wilayah saya',
  'units.search': 'Cari kode atau alamat',
  'units.waitingForSync': 'Belum ada data. Menunggu sinkronisasi…',
  'units.noneInRegion': 'Tidak ada unit di wilayah Anda.',
  'units.noMatch': 'Tidak ada unit yang cocok dengan “{query}”.',
  'units.showing': 'Menampilkan {shown} dari {total} unit. Persempit pencarian untuk melihat yang lain.',

  'unit.notFound': 'Unit tidak ditemukan',
  'unit.notOnDevice': 'Unit ini tidak ada di perangkat.',
  'unit.block': 'Blok',
  'unit.floor': 'Lantai',
  'unit.size': 'Luas',
  'unit.rent': 'Sewa per bulan',
  'unit.status': 'Status',
  'unit.accessible': 'Ramah difabel',
  'unit.yes': 'Ya',
  'unit.no': 'Tidak',
  'unit.recordInspection': 'Catat pemeriksaan',
  'unit.history': 'Riwayat pemeriksaan',
  'unit.noInspections': 'Belum ada pemeriksaan.',
  'unit.notSynced': 'Belum tersinkron',
  'unit.condition': 'Kondisi: {condition}',

  'status.available': 'Tersedia',
  'status.reserved': 'Dipesan',
  'status.occupied': 'Dihuni',
  'status.under_repair': 'Dalam perbaikan',
  'status.unavailable': 'Tidak tersedia',

  'condition.5': 'Sangat baik',
  'condition.4': 'Baik',
  'condition.3': 'Cukup',
  'condition.2': 'Buruk',
  'condition.1': 'Sangat buruk',

  'inspection.title': 'Pemeriksaan baru',
  'inspection.date': 'Tanggal pemeriksaan',
  'inspection.condition': 'Kondisi',
  'inspection.notes': 'Catatan',
  'inspection.notesLength': '{count} dari {max} karakter',
  'inspection.save': 'Simpan',
  'inspection.cancel': 'Batal',
  'inspection.saveFailed': 'Pemeriksaan tidak dapat disimpan: {reason}',

  'problem.required': 'Wajib diisi',
  'problem.invalidDate': 'Tanggal tidak valid',
  'problem.dateOutOfRange': 'Tanggal harus antara tahun 2000 dan 2100',
  'problem.tooLong': 'Terlalu panjang',
  'problem.tooSmall': 'Terlalu kecil',
  'problem.invalidChoice': 'Pilihan tidak valid',
  'problem.invalid': 'Tidak valid',

  'sync.region': 'Sinkronisasi',
  'sync.online': 'Daring',
  'sync.offline': 'Luring',
  'sync.pending': 'perubahan menunggu',
  'sync.syncing': 'Menyinkronkan…',
  'sync.lastSynced': 'Terakhir sinkron: {time}',
  'sync.never': 'Belum pernah sinkron',
  'sync.now': 'Sinkronkan sekarang',
  'sync.sessionEnded': 'Sesi berakhir. Silakan masuk lagi.',
  'sync.signInAgain': 'Masuk lagi',
  'sync.failed': 'Sinkronisasi gagal: {message}',

  'notFound.title': 'Halaman tidak ditemukan',
  'notFound.body': 'Alamat ini tidak ada di Hunian.',
  'notFound.home': 'Kembali ke daftar unit',
};

export type MessageKey = keyof typeof id;
export type Messages = Record<MessageKey, string>;
