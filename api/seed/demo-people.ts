import { householdMonthlyIncome, type HouseholdMember, type Income, type WritableOf } from '../../schema';
import { makeKk, makeNik } from './identity-numbers';
import { addDays, type SeededRandom } from './seeded-random';

/** Where a household lives and whose KTP it holds: what its NIKs and address look like. */
export interface DemoPlace {
  regionId: string;
  /** District codes (6 digits) its people's NIKs and KKs were issued in. */
  districtCodes: readonly string[];
  city: string;
  /** Street, kelurahan, kecamatan. */
  neighbourhoods: readonly (readonly [string, string, string])[];
  /** The province's income ceiling (its program rule). */
  maxMonthlyIncome: number;
}

export interface PeopleContext {
  random: SeededRandom;
  newId(): string;
  /** A fresh serial for a NIK or KK, never the same twice (so no NIK repeats by chance). */
  nextSerial(): number;
  today: string;
}

const maleNames = ['Asep', 'Ujang', 'Dedi', 'Agus', 'Budi', 'Cecep', 'Dadang', 'Iwan', 'Yayan', 'Rudi', 'Hendra', 'Wawan', 'Ade', 'Eko', 'Joko', 'Bambang', 'Slamet', 'Dodi', 'Aris', 'Rizky', 'Fajar', 'Yusuf', 'Ahmad', 'Deni'];
const femaleNames = ['Siti', 'Euis', 'Neneng', 'Yuli', 'Rina', 'Dewi', 'Sri', 'Nur', 'Ani', 'Lilis', 'Tati', 'Wati', 'Iis', 'Yanti', 'Ratna', 'Fitri', 'Nining', 'Rosita', 'Ayu', 'Lina', 'Mira', 'Santi', 'Dian', 'Wulan'];
const maleFamilyNames = ['Hidayat', 'Setiawan', 'Suryana', 'Permana', 'Saputra', 'Gunawan', 'Kurniawan', 'Sutisna', 'Sopandi', 'Mulyadi', 'Ramdani', 'Firmansyah', 'Nugraha', 'Santoso'];
const femaleFamilyNames = ['Rahmawati', 'Lestari', 'Handayani', 'Nurhayati', 'Sumarni', 'Wulandari', 'Kusumawati', 'Rosmiati', 'Maryani', 'Susanti', 'Komalasari', 'Puspitasari'];

interface Occupation {
  title: string;
  kind: Income['kind'];
  period: Income['period'];
  min: number;
  max: number;
  /** Amounts are whole multiples of this. */
  step: number;
}

/** Work that the program's applicants do, with what it pays (Bandung, 2025). */
const occupations: readonly Occupation[] = [
  { title: 'Pedagang kaki lima', kind: 'informal', period: 'daily', min: 40_000, max: 90_000, step: 5_000 },
  { title: 'Pengemudi ojek daring', kind: 'informal', period: 'daily', min: 50_000, max: 110_000, step: 5_000 },
  { title: 'Buruh harian lepas', kind: 'informal', period: 'daily', min: 50_000, max: 85_000, step: 5_000 },
  { title: 'Tukang bangunan', kind: 'informal', period: 'weekly', min: 350_000, max: 500_000, step: 25_000 },
  { title: 'Penjahit', kind: 'informal', period: 'weekly', min: 250_000, max: 450_000, step: 25_000 },
  { title: 'Asisten rumah tangga', kind: 'informal', period: 'monthly', min: 1_100_000, max: 1_900_000, step: 50_000 },
  { title: 'Petugas kebersihan', kind: 'formal', period: 'monthly', min: 1_500_000, max: 2_100_000, step: 50_000 },
  { title: 'Karyawan toko', kind: 'formal', period: 'monthly', min: 1_400_000, max: 2_100_000, step: 50_000 },
  { title: 'Satpam', kind: 'formal', period: 'monthly', min: 1_700_000, max: 2_150_000, step: 50_000 },
];
const wellPaid: Occupation = { title: 'Karyawan swasta', kind: 'formal', period: 'monthly', min: 0, max: 0, step: 50_000 };
const sideJobs = occupations.filter((o) => o.period !== 'monthly' || o.kind === 'informal');

const pad = (n: number, width: number) => String(n).padStart(width, '0');

function incomeFrom(random: SeededRandom, occupation: Occupation): Income {
  const steps = Math.floor((occupation.max - occupation.min) / occupation.step);
  return { kind: occupation.kind, amount: occupation.min + random.int(0, steps) * occupation.step, period: occupation.period };
}

function name(random: SeededRandom, sex: 'female' | 'male'): string {
  return sex === 'male' ? `${random.pick(maleNames)} ${random.pick(maleFamilyNames)}` : `${random.pick(femaleNames)} ${random.pick(femaleFamilyNames)}`;
}

function birthDateAt(ctx: PeopleContext, age: number): string {
  const year = Number(ctx.today.slice(0, 4)) - age;
  return `${year}-${pad(ctx.random.int(1, 12), 2)}-${pad(ctx.random.int(1, 28), 2)}`;
}

export function mobileNumber(random: SeededRandom): string {
  return `08${random.pick(['12', '13', '21', '22', '52', '53', '57', '77', '78', '95', '96', '38'])}${pad(random.int(0, 99_999_999), 8)}`;
}

export interface HouseholdOptions {
  place: DemoPlace;
  registeredBy: string;
  /** 'low': within the province's ceiling; 'high': the head alone earns above it. */
  income: 'low' | 'high';
  /** False: the head's KTP is from another province. */
  localIdCard?: boolean;
  ownsHouse?: boolean;
  /** Where they live now; an applicant's own street otherwise. */
  currentAddress?: string;
  currentHousing?: WritableOf<'households'>['currentHousing'];
}

/** Districts outside the three demo provinces, for a head whose KTP is from elsewhere. */
const otherProvinceDistricts = ['330201', '350701', '180101', '127101'];

/** One made-up household: a head with a valid NIK and KK, and the family around them. */
export function makeHousehold(ctx: PeopleContext, options: HouseholdOptions): WritableOf<'households'> {
  const { random, today } = ctx;
  const { place } = options;
  const district = random.pick(place.districtCodes);
  const maritalStatus = random.weighted([['married', 65], ['single', 12], ['divorced', 10], ['widowed', 13]] as const);
  const sex = maritalStatus === 'married' ? random.weighted([['male', 80], ['female', 20]] as const) : maritalStatus === 'widowed' ? random.weighted([['female', 75], ['male', 25]] as const) : random.pick(['female', 'male'] as const);
  const thisYear = Number(today.slice(0, 4));
  const birthYear = random.int(thisYear - 62, thisYear - 19);
  const birthDate = `${birthYear}-${pad(random.int(1, 12), 2)}-${pad(random.int(1, 28), 2)}`;
  const headAge = Number(today.slice(0, 4)) - birthYear;
  const localIdCard = options.localIdCard ?? true;
  const headDistrict = localIdCard ? district : random.pick(otherProvinceDistricts);

  const members: HouseholdMember[] = [];
  const member = (relationship: HouseholdMember['relationship'], memberSex: 'female' | 'male', age: number, income: Income | null, occupation: string) => {
    // Children under 17 often have no NIK written down yet (it is on the KK, not on a card).
    const nik = age >= 17 || random.chance(0.5) ? makeNik(district, birthDateAt(ctx, age), memberSex, ctx.nextSerial()) : null;
    members.push({ key: `m${members.length + 1}`, name: name(random, memberSex), nik, relationship, age, occupation, income });
  };
  if (maritalStatus === 'married') {
    const spouseAge = Math.max(18, headAge + random.int(-6, 3));
    const works = random.chance(0.45);
    const job = random.pick(sideJobs);
    member('spouse', sex === 'male' ? 'female' : 'male', spouseAge, works ? incomeFrom(random, job) : null, works ? job.title : 'Mengurus rumah tangga');
  }
  const children = maritalStatus === 'single' ? 0 : random.weighted([[0, 15], [1, 30], [2, 35], [3, 20]] as const);
  for (let i = 0; i < children; i++) {
    const age = random.int(0, Math.max(0, Math.min(17, headAge - 19)));
    member('child', random.pick(['female', 'male'] as const), age, null, age >= 6 ? 'Pelajar' : '');
  }
  if (random.chance(0.12)) member('parent', random.pick(['female', 'male'] as const), Math.min(95, headAge + random.int(22, 30)), null, 'Tidak bekerja');

  const occupation = options.income === 'high' ? wellPaid : random.pick(occupations);
  let headIncome =
    options.income === 'high'
      ? { kind: 'formal' as const, amount: Math.round((place.maxMonthlyIncome * (1.2 + random.next() * 0.6)) / 50_000) * 50_000, period: 'monthly' as const }
      : incomeFrom(random, occupation);
  if (options.income === 'low') {
    // Within the ceiling as a whole household: first the others' side jobs go, then the head earns less.
    for (const m of members) {
      if (m.income && householdMonthlyIncome({ headIncome, members }) > place.maxMonthlyIncome) Object.assign(m, { income: null, occupation: 'Tidak bekerja' });
    }
    while (householdMonthlyIncome({ headIncome, members }) > place.maxMonthlyIncome) headIncome = { ...headIncome, amount: headIncome.amount - occupation.step };
  }

  const [street, kelurahan, kecamatan] = random.pick(place.neighbourhoods);
  return {
    id: ctx.newId(),
    regionId: place.regionId,
    headName: name(random, sex),
    headNik: makeNik(headDistrict, birthDate, sex, ctx.nextSerial()),
    kkNumber: makeKk(district, addDays(today, -random.int(200, 5000)), ctx.nextSerial()),
    birthDate,
    sex,
    maritalStatus,
    phone: random.chance(0.06) ? '' : mobileNumber(random),
    currentHousing: options.currentHousing ?? random.weighted([['renting', 55], ['with_family', 25], ['informal_settlement', 12], ['other', 5], ['homeless', 3]] as const),
    currentAddress:
      options.currentAddress ?? `${street} No. ${random.int(1, 140)}, RT ${pad(random.int(1, 12), 3)}/RW ${pad(random.int(1, 15), 3)}, Kel. ${kelurahan}, Kec. ${kecamatan}, ${place.city}`,
    hasLocalIdCard: localIdCard,
    ownsHouse: options.ownsHouse ?? false,
    headOccupation: occupation.title,
    headIncome,
    members,
    registeredBy: options.registeredBy,
  };
}
