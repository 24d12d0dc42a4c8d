import { describe, expect, it } from 'vitest';
import { kkProblem, nikMatchesPerson, nikProblem, parseNik } from './national-id';

// Real-looking numbers: 32.73.01 is a district of Kota Bandung, 31.75.06 one of Kota Jakarta Timur.
const sitiNik = '3273014512900003'; // woman, born 5 December 1990 (45 = 5 + 40)
const budiNik = '3273011708850002'; // man, born 17 August 1985

describe('parseNik', () => {
  it('reads region, date of birth, sex and serial of a woman (day + 40)', () => {
    expect(parseNik(sitiNik)).toEqual({ regionCode: '327301', birthDay: 5, birthMonth: 12, birthYear2: 90, sex: 'female', serial: '0003' });
  });

  it('reads a man’s NIK as printed', () => {
    expect(parseNik(budiNik)).toEqual({ regionCode: '327301', birthDay: 17, birthMonth: 8, birthYear2: 85, sex: 'male', serial: '0002' });
  });

  it('accepts the first and last day a woman can carry (41 and 71)', () => {
    expect(parseNik('3175064101950001')).toMatchObject({ birthDay: 1, birthMonth: 1, sex: 'female' });
    expect(parseNik('3175067112950001')).toMatchObject({ birthDay: 31, birthMonth: 12, sex: 'female' });
  });
});

describe('nikProblem', () => {
  it.each([
    [sitiNik, null],
    [budiNik, null],
    ['327301451290000', 'nik_format'], // 15 digits
    ['32730145129000031', 'nik_format'], // 17 digits
    ['3273O14512900003', 'nik_format'], // a letter O for a zero
    ['3273 01451290003', 'nik_format'],
    ['', 'nik_format'],
    ['1073014512900003', 'nik_region'], // province 10 does not exist
    ['9773014512900003', 'nik_region'], // nor 97
    ['3200014512900003', 'nik_region'], // regency 00
    ['3273004512900003', 'nik_region'], // district 00
    ['3273010012900003', 'nik_birth_date'], // day 00
    ['3273013212900003', 'nik_birth_date'], // day 32
    ['3273014012900003', 'nik_birth_date'], // 40: neither a man's day nor a woman's
    ['3273017212900003', 'nik_birth_date'], // 72 - 40 = 32
    ['3273011500900003', 'nik_birth_date'], // month 00
    ['3273011513900003', 'nik_birth_date'], // month 13
    ['3273013104900003', 'nik_birth_date'], // 31 April
    ['3273017104900003', 'nik_birth_date'], // 31 April, a woman
    ['3273013002920003', 'nik_birth_date'], // 30 February
    ['3273012902910003', 'nik_birth_date'], // 29 February 1991
    ['3273012902920003', null], // 29 February 1992
    ['3273016902000003', null], // 29 February 2000, a woman
    ['3273014512900000', 'nik_serial'],
  ])('%s → %s', (nik, problem) => {
    expect(nikProblem(nik)).toBe(problem);
  });
});

describe('kkProblem', () => {
  it.each([
    ['3273012005100012', null], // issued in 32.73.01 on 20 May 2010
    ['3175062110150004', null],
    ['327301200510001', 'kk_format'],
    ['32730120051000123', 'kk_format'],
    ['3273-12005100012', 'kk_format'],
    ['0073012005100012', 'kk_region'],
    ['3200012005100012', 'kk_region'],
    ['3273002005100012', 'kk_region'],
    ['3273012005100000', 'kk_region'], // a serial of 0000 is never issued
  ])('%s → %s', (kk, problem) => {
    expect(kkProblem(kk)).toBe(problem);
  });
});

describe('nikMatchesPerson', () => {
  it('agrees with the declared birth date and sex', () => {
    expect(nikMatchesPerson(sitiNik, '1990-12-05', 'female')).toBe(true);
    expect(nikMatchesPerson(budiNik, '1985-08-17', 'male')).toBe(true);
  });

  it('disagrees on the sex, the day, the month or the year', () => {
    expect(nikMatchesPerson(sitiNik, '1990-12-05', 'male')).toBe(false);
    expect(nikMatchesPerson(sitiNik, '1990-12-06', 'female')).toBe(false);
    expect(nikMatchesPerson(sitiNik, '1990-11-05', 'female')).toBe(false);
    expect(nikMatchesPerson(sitiNik, '1991-12-05', 'female')).toBe(false);
  });

  it('compares the year by its last two digits, as the NIK holds only those', () => {
    expect(nikMatchesPerson('3273010101050001', '2005-01-01', 'male')).toBe(true);
  });

  it('is false for a NIK that does not parse', () => {
    expect(nikMatchesPerson('3273014012900003', '1990-12-00', 'female')).toBe(false);
  });
});
