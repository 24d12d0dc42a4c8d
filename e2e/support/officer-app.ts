import { expect, type Page } from '@playwright/test';

/** The field officer's app, driven as a person would: by labels, roles and visible text. */
export class OfficerApp {
  constructor(readonly page: Page) {}

  async signIn(username: string, password: string) {
    await this.page.goto('/');
    await this.page.getByLabel('Nama pengguna').fill(username);
    await this.page.getByLabel('Kata sandi').fill(password);
    await this.page.getByRole('button', { name: 'Masuk' }).click();
    await this.openUnitsList();
  }

  /** The list of every unit of the officer's regions, from the main navigation. */
  async openUnitsList() {
    await this.page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Semua unit' }).click();
    await expect(this.page.getByRole('heading', { name: 'Unit di wilayah saya' })).toBeVisible();
  }

  async waitForServiceWorkerControl() {
    await this.page.waitForFunction(() => navigator.serviceWorker?.controller !== null && navigator.serviceWorker?.controller !== undefined);
  }

  unitLink(code: string, siteName: string) {
    return this.page.getByRole('link', { name: new RegExp(`^${code} · ${siteName}`) });
  }

  async openUnit(code: string, siteName: string) {
    await this.page.getByLabel('Cari kode atau alamat').fill(code);
    await this.unitLink(code, siteName).click();
    await expect(this.page.getByRole('heading', { level: 1, name: new RegExp(code) })).toBeVisible();
  }

  inspectionItem(notes: string) {
    return this.page.getByRole('listitem').filter({ hasText: notes });
  }

  pendingCount() {
    return this.page.getByTestId('pending-count');
  }
}
