import type { ChecklistArea, Severity } from '../../schema';
import { defineMessages } from '../i18n/feature-messages';

/**
 * The words of the inspection checklist, its GPS position, its drafts and the repairs it asks
 * for. The item names are the labels the officer picks a rating by, so no two of them may contain
 * one another, nor the words of the form's other labels ("Kondisi", "Catatan"): a label search
 * (a screen reader's, or a test's) must find one field. `\u00a0` (no-break space) keeps "± 12 m"
 * on one line.
 */
export const inspectionMessages = defineMessages(
  {
    'area.unit': 'Unit',
    'area.building': 'Gedung',
    'area.outside': 'Lingkungan luar',
    'area.progress': '{rated} dari {total} dinilai',
    'area.problems': '{count} masalah',

    'item.unit.walls': 'Dinding',
    'item.unit.ceiling': 'Plafon',
    'item.unit.floor': 'Lantai',
    'item.unit.doors_windows': 'Pintu dan jendela',
    'item.unit.electrical': 'Instalasi listrik',
    'item.unit.plumbing': 'Pipa dan keran',
    'item.unit.kitchen': 'Dapur',
    'item.unit.bathroom': 'Kamar mandi',
    'item.building.stairs_corridors': 'Tangga dan koridor',
    'item.building.fire_safety': 'Proteksi kebakaran',
    'item.building.water_supply': 'Pasokan air bersih',
    'item.building.waste': 'Tempat sampah',
    'item.building.roof': 'Atap',
    'item.outside.drainage': 'Drainase',
    'item.outside.grounds': 'Halaman',
    'item.outside.lighting': 'Penerangan jalan',
    'item.outside.access_road': 'Jalan akses',

    'severity.life_threatening': 'Mengancam jiwa',
    'severity.severe': 'Berat',
    'severity.moderate': 'Sedang',
    'severity.low': 'Ringan',

    'checklist.title': 'Daftar periksa',
    'checklist.intro': 'Nilai item yang diperiksa saja; item yang tidak dinilai tidak disimpan.',
    'checklist.notRated': 'Belum dinilai',
    'checklist.hasProblem': 'Ada masalah',
    'checklist.severity': 'Tingkat keparahan',
    'checklist.choose': 'Pilih…',
    'checklist.description': 'Uraian masalah',
    'checklist.repairAction': 'Tindakan perbaikan',
    'checklist.dueDate': 'Batas perbaikan',
    'checklist.dueDateValue': '{date} ({days} hari)',
    'checklist.dueDateValueOne': '{date} (1 hari)',
    'checklist.dueDatePending': 'Muncul setelah tingkat keparahan dan tanggal pemeriksaan diisi',
    'checklist.photos': 'Foto masalah',
    'checklist.resolved': 'Sudah diperbaiki',
    'checklist.resolvedOn': 'Tanggal diperbaiki',
    'checklist.itemProblems': 'Periksa isian daftar periksa: {count} isian perlu diperbaiki.',

    'problem.ratingRequired': 'Beri nilai item ini',
    'problem.severityRequired': 'Pilih tingkat keparahan',
    'problem.descriptionRequired': 'Uraikan masalahnya',
    'problem.repairActionRequired': 'Tuliskan tindakan perbaikan',
    'problem.tooLong': 'Terlalu panjang (paling banyak {max} karakter)',
    'problem.resolvedOnInvalid': 'Tanggal tidak valid',
    'problem.resolvedBeforeInspection': 'Tidak boleh sebelum tanggal pemeriksaan',

    'gps.title': 'Lokasi',
    'gps.take': 'Ambil lokasi',
    'gps.retake': 'Ambil ulang lokasi',
    'gps.clear': 'Hapus lokasi',
    'gps.none': 'Lokasi belum diambil.',
    'gps.locating': 'Mencari lokasi…',
    'gps.found': 'Lokasi didapat, akurasi ±\u00a0{accuracy}\u00a0m.',
    'gps.cleared': 'Lokasi dihapus.',
    'gps.latitude': 'Lintang',
    'gps.longitude': 'Bujur',
    'gps.accuracy': 'Akurasi',
    'gps.accuracyValue': '±\u00a0{accuracy}\u00a0m',
    'gps.lowAccuracy': 'Akurasi rendah. Bila bisa, ambil ulang di tempat terbuka.',
    'gps.denied': 'Izin lokasi ditolak. Izinkan lokasi untuk Hunian di pengaturan browser, lalu coba lagi.',
    'gps.unavailable': 'Lokasi tidak tersedia. Pastikan GPS perangkat menyala, lalu coba lagi.',
    'gps.timeout': 'Lokasi belum didapat dalam {seconds} detik. Coba lagi di tempat terbuka.',
    'gps.unsupported': 'Perangkat atau browser ini tidak dapat memberi lokasi.',
    'gps.offlineNote': 'GPS bekerja tanpa internet.',

    'draft.restored': 'Isian yang belum disimpan ({time}) dipulihkan.',
    'draft.discard': 'Buang isian ini',
    'draft.discarded': 'Isian yang belum disimpan dibuang.',
    'save.storageFull': 'Pemeriksaan belum tersimpan: penyimpanan ponsel penuh. Kirim data yang tertunda atau kosongkan ruang, lalu tekan Simpan lagi.',

    'history.rated': '{count} item dinilai',
    'history.noProblems': 'Tidak ada masalah',
    'history.problemCounts': 'Masalah: {counts}',
    'history.severityCount': '{count} {severity}',
    'history.problem': '{item}: {severity}',
    'history.due': 'batas {date}',
    'history.overdue': 'lewat batas {date}',
    'history.resolvedOn': 'diperbaiki {date}',
    'history.photos': 'Foto pemeriksaan',
    'history.photoAlt': '{item}, foto {n}',
    'history.location': 'Lokasi ±\u00a0{accuracy}\u00a0m',

    'repairs.overdue': 'Lewat batas',
  },
  {
    'area.unit': 'Unit',
    'area.building': 'Building',
    'area.outside': 'Outside',
    'area.progress': '{rated} of {total} rated',
    'area.problems': '{count} problems',

    'item.unit.walls': 'Walls',
    'item.unit.ceiling': 'Ceiling',
    'item.unit.floor': 'Floor',
    'item.unit.doors_windows': 'Doors and windows',
    'item.unit.electrical': 'Electrical wiring',
    'item.unit.plumbing': 'Pipes and taps',
    'item.unit.kitchen': 'Kitchen',
    'item.unit.bathroom': 'Bathroom',
    'item.building.stairs_corridors': 'Stairs and corridors',
    'item.building.fire_safety': 'Fire safety',
    'item.building.water_supply': 'Clean water supply',
    'item.building.waste': 'Waste bins',
    'item.building.roof': 'Roof',
    'item.outside.drainage': 'Drainage',
    'item.outside.grounds': 'Grounds',
    'item.outside.lighting': 'Street lighting',
    'item.outside.access_road': 'Access road',

    'severity.life_threatening': 'Life-threatening',
    'severity.severe': 'Severe',
    'severity.moderate': 'Moderate',
    'severity.low': 'Low',

    'checklist.title': 'Checklist',
    'checklist.intro': 'Rate only the items you inspected; items not rated are not saved.',
    'checklist.notRated': 'Not rated',
    'checklist.hasProblem': 'Has a problem',
    'checklist.severity': 'Severity',
    'checklist.choose': 'Choose…',
    'checklist.description': 'Problem description',
    'checklist.repairAction': 'Repair action',
    'checklist.dueDate': 'Repair due',
    'checklist.dueDateValue': '{date} ({days} days)',
    'checklist.dueDateValueOne': '{date} (1 day)',
    'checklist.dueDatePending': 'Shown once the severity and the inspection date are filled in',
    'checklist.photos': 'Problem photos',
    'checklist.resolved': 'Repair done',
    'checklist.resolvedOn': 'Repair date',
    'checklist.itemProblems': 'Check the checklist: {count} entries need fixing.',

    'problem.ratingRequired': 'Rate this item',
    'problem.severityRequired': 'Choose a severity',
    'problem.descriptionRequired': 'Describe the problem',
    'problem.repairActionRequired': 'Write the repair action',
    'problem.tooLong': 'Too long (at most {max} characters)',
    'problem.resolvedOnInvalid': 'Invalid date',
    'problem.resolvedBeforeInspection': 'Cannot be before the inspection date',

    'gps.title': 'Location',
    'gps.take': 'Get location',
    'gps.retake': 'Get location again',
    'gps.clear': 'Remove location',
    'gps.none': 'No location yet.',
    'gps.locating': 'Finding location…',
    'gps.found': 'Location found, accuracy ±\u00a0{accuracy}\u00a0m.',
    'gps.cleared': 'Location removed.',
    'gps.latitude': 'Latitude',
    'gps.longitude': 'Longitude',
    'gps.accuracy': 'Accuracy',
    'gps.accuracyValue': '±\u00a0{accuracy}\u00a0m',
    'gps.lowAccuracy': 'Low accuracy. If you can, try again in the open.',
    'gps.denied': 'Location permission was denied. Allow location for Hunian in the browser settings, then try again.',
    'gps.unavailable': 'Location is not available. Make sure the device’s GPS is on, then try again.',
    'gps.timeout': 'No location within {seconds} seconds. Try again in the open.',
    'gps.unsupported': 'This device or browser cannot give a location.',
    'gps.offlineNote': 'GPS works without internet.',

    'draft.restored': 'Unsaved entries ({time}) were restored.',
    'draft.discard': 'Discard these entries',
    'draft.discarded': 'Unsaved entries discarded.',
    'save.storageFull': 'The inspection is not saved yet: the phone’s storage is full. Send pending data or free some space, then press Save again.',

    'history.rated': '{count} items rated',
    'history.noProblems': 'No problems',
    'history.problemCounts': 'Problems: {counts}',
    'history.severityCount': '{count} {severity}',
    'history.problem': '{item}: {severity}',
    'history.due': 'due {date}',
    'history.overdue': 'overdue since {date}',
    'history.resolvedOn': 'repaired {date}',
    'history.photos': 'Inspection photos',
    'history.photoAlt': '{item}, photo {n}',
    'history.location': 'Location ±\u00a0{accuracy}\u00a0m',

    'repairs.overdue': 'Overdue',
  },
);

export type InspectionMessageKey = keyof (typeof inspectionMessages)['id'];

export const areaMessageKey = (area: ChecklistArea): InspectionMessageKey => `area.${area}`;
export const severityMessageKey = (severity: Severity): InspectionMessageKey => `severity.${severity}`;

/** The words for a checklist item ("unit.walls"); a key of an older or newer app shows as itself. */
export function checklistItemMessageKey(key: string): InspectionMessageKey | null {
  const messageKey = `item.${key}`;
  return messageKey in inspectionMessages.id ? (messageKey as InspectionMessageKey) : null;
}
