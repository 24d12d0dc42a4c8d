/**
 * Well-formed Indonesian identity numbers for demo and test data (schema/domain/national-id.ts
 * says what each part means). They are made up: a real person's NIK never goes into the repo.
 */

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** A NIK issued in a district (6 digits, e.g. "327302" for Coblong), with its holder's birth date and sex. */
export function makeNik(districtCode: string, birthDate: string, sex: 'female' | 'male', serial: number): string {
  const [year, month, day] = birthDate.split('-');
  return `${districtCode}${pad(Number(day) + (sex === 'female' ? 40 : 0), 2)}${month}${year!.slice(2)}${pad(serial, 4)}`;
}

/** A family card (KK) number issued in a district on a day (YYYY-MM-DD). */
export function makeKk(districtCode: string, issuedOn: string, serial: number): string {
  const [year, month, day] = issuedOn.split('-');
  return `${districtCode}${day}${month}${year!.slice(2)}${pad(serial, 4)}`;
}
