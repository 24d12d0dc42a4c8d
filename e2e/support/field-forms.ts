import { expect, type Locator, type Page } from '@playwright/test';

/** A file as `setInputFiles` takes it. */
export interface PhotoFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/**
 * A photo as a phone's camera would hand it over: a JPEG larger than the app keeps (so that its
 * compression to 1600 px is exercised), drawn in the page so that no fixture file is needed. The
 * colour and caption make every photo's bytes, and so its SHA-256, different.
 */
export async function cameraPhoto(page: Page, caption: string, colour: string): Promise<PhotoFile> {
  const base64 = await page.evaluate(
    ({ caption, colour }) => {
      const canvas = document.createElement('canvas');
      canvas.width = 2000;
      canvas.height = 1500;
      const context = canvas.getContext('2d')!;
      context.fillStyle = colour;
      context.fillRect(0, 0, canvas.width, canvas.height);
      context.fillStyle = '#ffffff';
      context.fillRect(150, 150, 1700, 1200);
      context.fillStyle = colour;
      context.font = 'bold 120px sans-serif';
      context.fillText(caption, 220, 750);
      return canvas.toDataURL('image/jpeg', 0.92).split(',')[1]!;
    },
    { caption, colour },
  );
  return { name: `${caption.replace(/\W+/g, '-').toLowerCase()}.jpg`, mimeType: 'image/jpeg', buffer: Buffer.from(base64, 'base64') };
}

export interface Income {
  kind: 'Tidak berpenghasilan' | 'Formal (ada slip gaji)' | 'Informal (menurut pengakuan)';
  amount?: string;
  period?: 'per hari' | 'per minggu' | 'per bulan' | 'per tahun';
}

export interface Head {
  name: string;
  nik: string;
  kk: string;
  birthDate: string;
  sex: 'Perempuan' | 'Laki-laki';
  maritalStatus: string;
  phone: string;
}

export interface Member {
  name: string;
  relationship: string;
  age: string;
  nik?: string;
  occupation?: string;
  income: Income;
}

export interface Housing {
  currentHousing: string;
  currentAddress: string;
  hasLocalIdCard: 'Ya' | 'Tidak';
  ownsHouse: 'Ya' | 'Tidak';
  site: string;
  statement?: string;
}

/** The five-step application form ("Pendaftaran baru"), by its labels. */
export class ApplicationFormPage {
  constructor(readonly page: Page) {}

  async expectStep(step: number, title: string) {
    await expect(this.page.getByText(`Langkah ${step} dari 5`, { exact: true })).toBeVisible();
    await expect(this.page.getByRole('heading', { level: 2, name: title, exact: true })).toBeVisible();
  }

  async next() {
    await this.page.getByRole('button', { name: 'Lanjut', exact: true }).click();
  }

  async fillHead(head: Head) {
    const page = this.page;
    await page.getByLabel('Nama kepala keluarga').fill(head.name);
    await page.getByLabel('NIK kepala keluarga').fill(head.nik);
    await page.getByLabel('Nomor Kartu Keluarga (KK)').fill(head.kk);
    await page.getByLabel('Tanggal lahir').fill(head.birthDate);
    await page.getByRole('group', { name: 'Jenis kelamin' }).getByLabel(head.sex, { exact: true }).check();
    await page.getByLabel('Status perkawinan').selectOption({ label: head.maritalStatus });
    await page.getByLabel('Nomor HP').fill(head.phone);
  }

  private async fillIncome(group: Locator, income: Income) {
    await group.getByLabel('Jenis penghasilan').selectOption({ label: income.kind });
    if (income.amount !== undefined) await group.getByLabel('Jumlah (Rp)').fill(income.amount);
    if (income.period !== undefined) await group.getByLabel('Periode').selectOption({ label: income.period });
  }

  async fillHeadWork(occupation: string, income: Income) {
    await this.page.getByLabel('Pekerjaan kepala keluarga').fill(occupation);
    await this.fillIncome(this.page.getByRole('group', { name: 'Penghasilan kepala keluarga' }), income);
  }

  /** Adds the next member and fills it in; members are numbered from 1 as the form names them. */
  async addMember(n: number, member: Member) {
    await this.page.getByRole('button', { name: 'Tambah anggota' }).click();
    const group = this.page.getByRole('group', { name: `Anggota ${n}`, exact: true });
    const name = group.getByLabel('Nama', { exact: true });
    // The form puts the keyboard in the new member's first field.
    await expect(name).toBeFocused();
    await name.fill(member.name);
    await group.getByLabel('Hubungan dengan kepala keluarga').selectOption({ label: member.relationship });
    await group.getByLabel('Umur (tahun)').fill(member.age);
    if (member.nik !== undefined) await group.getByLabel('NIK (jika ada)').fill(member.nik);
    if (member.occupation !== undefined) await group.getByLabel('Pekerjaan', { exact: true }).fill(member.occupation);
    await this.fillIncome(group.getByRole('group', { name: 'Penghasilan', exact: true }), member.income);
  }

  async fillHousing(housing: Housing) {
    const page = this.page;
    await page.getByLabel('Tempat tinggal sekarang').selectOption({ label: housing.currentHousing });
    await page.getByLabel('Alamat sekarang').fill(housing.currentAddress);
    await page.getByRole('group', { name: 'KTP kepala keluarga diterbitkan di provinsi ini?' }).getByLabel(housing.hasLocalIdCard, { exact: true }).check();
    await page.getByRole('group', { name: 'Sudah memiliki rumah sendiri (menurut pengakuan)?' }).getByLabel(housing.ownsHouse, { exact: true }).check();
    // The sites come from the device's database: the option is waited for.
    await page.getByLabel('Rusun yang dituju').selectOption({ label: housing.site });
    if (housing.statement !== undefined) await page.getByLabel('Pernyataan pemohon (opsional)').fill(housing.statement);
  }

  /** Chooses a photo for a document field and waits until it is stored and shown. */
  async addDocumentPhoto(label: 'Foto KTP' | 'Foto Kartu Keluarga (KK)' | 'Surat keterangan penghasilan', photo: PhotoFile) {
    await this.page.getByLabel(label, { exact: true }).setInputFiles(photo);
    await expect(this.page.getByRole('img', { name: `${label}, foto 1` })).toBeVisible();
  }

  async submit() {
    await this.page.getByRole('button', { name: 'Ajukan', exact: true }).click();
  }
}

export interface ChecklistProblem {
  severity: 'life_threatening' | 'severe' | 'moderate' | 'low';
  description: string;
  repairAction: string;
  photo: PhotoFile;
}

/** The inspection form ("Catat pemeriksaan" on a unit), with its checklist. */
export class InspectionFormPage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.getByRole('link', { name: 'Catat pemeriksaan' }).click();
    await expect(this.page.getByRole('heading', { name: 'Pemeriksaan baru' })).toBeVisible();
  }

  async takeLocation(accuracy: number) {
    await this.page.getByRole('button', { name: 'Ambil lokasi' }).click();
    await expect(this.page.getByRole('status').filter({ hasText: `Lokasi didapat, akurasi ± ${accuracy} m.` })).toBeVisible();
  }

  item(name: string) {
    return this.page.getByRole('group', { name, exact: true });
  }

  async rate(name: string, rating: 1 | 2 | 3 | 4 | 5) {
    await this.page.getByLabel(name, { exact: true }).selectOption(String(rating));
  }

  /** Marks an item as having a problem and describes it, with a photo; returns the due-date text shown. */
  async reportProblem(name: string, problem: ChecklistProblem) {
    const item = this.item(name);
    await item.getByLabel('Ada masalah').check();
    await item.getByLabel('Tingkat keparahan').selectOption(problem.severity);
    await item.getByLabel('Uraian masalah').fill(problem.description);
    await item.getByLabel('Tindakan perbaikan').fill(problem.repairAction);
    await item.getByLabel('Foto masalah').setInputFiles(problem.photo);
    await expect(item.getByRole('img', { name: 'Foto masalah, foto 1' })).toBeVisible();
  }

  async save() {
    await this.page.getByRole('button', { name: 'Simpan', exact: true }).click();
  }
}

export interface OccupancyEntry {
  occupied: boolean;
  occupants: string;
  arrearsMonths: string;
  arrearsAmount: string;
  issues: string;
}

/** A site's monthly occupancy report screen. */
export class OccupancyReportPage {
  constructor(readonly page: Page) {}

  unit(code: string) {
    return this.page.getByRole('group', { name: code, exact: true });
  }

  /** The code of the first unit listed (each unit is a group named by its code). */
  async firstUnitCode(): Promise<string> {
    const first = this.page.getByRole('region', { name: /^Unit \(/ }).getByRole('group').first();
    await expect(first).toBeVisible();
    return (await first.locator('legend').textContent())!.trim();
  }

  async fillUnit(code: string, entry: OccupancyEntry) {
    const unit = this.unit(code);
    await unit.getByLabel('Dihuni').setChecked(entry.occupied);
    await unit.getByLabel('Jumlah penghuni').fill(entry.occupants);
    await unit.getByLabel('Tunggakan (bulan)').fill(entry.arrearsMonths);
    await unit.getByLabel('Tunggakan (Rp)').fill(entry.arrearsAmount);
    await unit.getByLabel('Masalah atau catatan').fill(entry.issues);
  }

  async expectUnit(code: string, entry: OccupancyEntry) {
    const unit = this.unit(code);
    if (entry.occupied) await expect(unit.getByLabel('Dihuni')).toBeChecked();
    else await expect(unit.getByLabel('Dihuni')).not.toBeChecked();
    await expect(unit.getByLabel('Jumlah penghuni')).toHaveValue(entry.occupants);
    await expect(unit.getByLabel('Tunggakan (bulan)')).toHaveValue(entry.arrearsMonths);
    await expect(unit.getByLabel('Tunggakan (Rp)')).toHaveValue(entry.arrearsAmount);
    await expect(unit.getByLabel('Masalah atau catatan')).toHaveValue(entry.issues);
  }

  async saveDraft() {
    await this.page.getByRole('button', { name: 'Simpan draf' }).click();
    await expect(this.page.getByRole('status').filter({ hasText: 'Draf tersimpan di perangkat.' })).toBeVisible();
  }

  async reviewAndSubmit() {
    await this.page.getByRole('button', { name: 'Periksa dan kirim' }).click();
    await expect(this.page.getByRole('heading', { name: 'Periksa sebelum mengirim' })).toBeFocused();
    await this.page.getByRole('button', { name: 'Kirim laporan' }).click();
    await expect(this.page.getByText('Laporan ini sudah dikirim dan tidak dapat diubah lagi.')).toBeVisible();
  }
}
