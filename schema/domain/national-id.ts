/**
 * Indonesian identity numbers. A NIK (Nomor Induk Kependudukan, on the KTP) and a KK number
 * (Nomor Kartu Keluarga) are both 16 digits that begin with the 6-digit code of the region that
 * issued them (province, regency or city, district). A NIK then carries the holder's date of
 * birth as DDMMYY, with 40 added to the day for women, and a 4-digit serial that is never 0000.
 */

export type NationalIdProblem = 'nik_format' | 'nik_region' | 'nik_birth_date' | 'nik_serial' | 'kk_format' | 'kk_region';

/** Province codes run from 11 (Aceh) to 96 (Papua Barat Daya); anything outside is a typo. */
function validProvinceCode(digits: string): boolean {
  const province = Number(digits.slice(0, 2));
  return province >= 11 && province <= 96;
}

function validRegionCode(digits: string): boolean {
  // Regency/city codes start at 01 (cities from 71); district codes start at 01.
  return validProvinceCode(digits) && digits.slice(2, 4) !== '00' && digits.slice(4, 6) !== '00';
}

/**
 * Days in a month of a two-digit year. Whichever century it is, a year whose last two digits
 * divide by 4 is a leap year (1900 is the one exception, and nobody alive was born in it), so
 * 29 February is accepted exactly when it existed; 30 February or 31 April never did.
 */
function daysInMonth(month: number, year2: number): number {
  if (month === 2) return year2 % 4 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export interface NikParts {
  regionCode: string;
  /** Day of birth as printed, 1–31 (the +40 for women removed). */
  birthDay: number;
  birthMonth: number;
  /** Two-digit year of birth. */
  birthYear2: number;
  sex: 'female' | 'male';
  serial: string;
}

/** Splits a NIK into its parts, or says what is wrong with it. */
export function parseNik(value: string): NikParts | NationalIdProblem {
  if (!/^\d{16}$/.test(value)) return 'nik_format';
  if (!validRegionCode(value)) return 'nik_region';
  let day = Number(value.slice(6, 8));
  const month = Number(value.slice(8, 10));
  const sex = day > 40 ? 'female' : 'male';
  if (day > 40) day -= 40;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(month, Number(value.slice(10, 12)))) return 'nik_birth_date';
  const serial = value.slice(12);
  if (serial === '0000') return 'nik_serial';
  return { regionCode: value.slice(0, 6), birthDay: day, birthMonth: month, birthYear2: Number(value.slice(10, 12)), sex, serial };
}

export function nikProblem(value: string): NationalIdProblem | null {
  const parsed = parseNik(value);
  return typeof parsed === 'string' ? parsed : null;
}

export function kkProblem(value: string): NationalIdProblem | null {
  if (!/^\d{16}$/.test(value)) return 'kk_format';
  if (!validRegionCode(value) || value.slice(12) === '0000') return 'kk_region';
  return null;
}

/**
 * Whether a NIK agrees with a declared date of birth (YYYY-MM-DD) and sex. A mismatch is a
 * warning for the officer, not an error: NIKs issued in error exist and stay in use.
 */
export function nikMatchesPerson(nik: string, birthDate: string, sex: 'female' | 'male'): boolean {
  const parts = parseNik(nik);
  if (typeof parts === 'string') return false;
  const [y, m, d] = birthDate.split('-').map(Number);
  return parts.sex === sex && parts.birthDay === d && parts.birthMonth === m && parts.birthYear2 === (y ?? 0) % 100;
}
