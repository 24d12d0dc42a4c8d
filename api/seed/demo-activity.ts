import type { ApplicationStatus, WritableOf } from '../../schema';
import { makeApplication, type DemoActor } from './demo-applications';
import { makeInspection } from './demo-inspections';
import { makeHousehold, type DemoPlace, type PeopleContext } from './demo-people';
import { addDays, addMonths } from './seeded-random';

export interface DemoUnit {
  id: string;
  regionId: string;
  code: string;
  block: string;
  monthlyRent: number;
  status: WritableOf<'units'>['status'];
}

export interface DemoSite {
  id: string;
  regionId: string;
  name: string;
  address: string;
  latitude: number;
  longitude: number;
  /** Short code in its lease numbers, e.g. "SDS". */
  code: string;
  place: DemoPlace;
  units: DemoUnit[];
  /** Applicant households, beside those of the units on offer. */
  applicants: number;
  /** The site's officer files its monthly report and inspects it. */
  fieldWork: boolean;
  /** Units the end-to-end specs use as their own: no demo inspections there. */
  quietBlocks?: readonly string[];
}

export interface DemoRecords {
  households: WritableOf<'households'>[];
  applications: WritableOf<'applications'>[];
  applicationEvents: WritableOf<'applicationEvents'>[];
  inspections: WritableOf<'inspections'>[];
  leases: WritableOf<'leases'>[];
  occupancyReports: WritableOf<'occupancyReports'>[];
}

/** The statuses of a site's applicants, as a queue of a busy program looks. */
const applicantStatuses: readonly (readonly [ApplicationStatus, number])[] = [
  ['draft', 8],
  ['submitted', 14],
  ['under_review', 8],
  ['returned', 6],
  ['resubmitted', 4],
  ['approved', 6],
  ['waitlisted', 12],
  ['rejected', 8],
];

const reportIssues = ['Keran kamar mandi bocor', 'Lampu koridor mati', 'Motor diparkir di lorong', 'Saluran air mampet', 'Jendela pecah'];

/**
 * Life at the demo sites: a household with an active lease in every occupied unit (the recent
 * ones with the application that led there), applicants in every status, an offer for every
 * reserved unit, last month's occupancy report and some inspections at the field officer's sites,
 * and two households that share a NIK with another (which the server flags, S24).
 */
export function makeDemoActivity(ctx: PeopleContext, sites: readonly DemoSite[], staff: { officerOf(regionId: string): DemoActor; office: DemoActor }, now: Date): DemoRecords {
  const { random, newId, today } = ctx;
  const records: DemoRecords = { households: [], applications: [], applicationEvents: [], inspections: [], leases: [], occupancyReports: [] };
  const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000 - random.int(0, 6 * 3600) * 1000);
  const apply = (...args: Parameters<typeof makeApplication>) => {
    const { application, events } = makeApplication(...args);
    records.applications.push(application);
    records.applicationEvents.push(...events);
    return application;
  };

  for (const site of sites) {
    const officer = staff.officerOf(site.regionId);
    const sizeOf = new Map<string, number>();
    let leaseSerial = 0;

    for (const unit of site.units) {
      if (unit.status === 'occupied') {
        const tenant = makeHousehold(ctx, { place: site.place, registeredBy: officer.id, income: 'low', currentHousing: 'renting', currentAddress: `Unit ${unit.code}, ${site.name}, ${site.address}` });
        records.households.push(tenant);
        sizeOf.set(unit.id, 1 + tenant.members.length);
        // Leases run two years and are renewed: the current one began within the last two.
        const startDate = `${addMonths(today, -random.int(0, 23)).slice(0, 7)}-01`;
        const recent = startDate > addMonths(today, -6);
        const application = recent
          ? apply(random, newId, { household: tenant, siteId: site.id, status: 'lease_signed', officer, office: staff.office, lastMoveAt: new Date(`${addDays(startDate, -random.int(2, 10))}T03:00:00.000Z`), offeredUnit: unit })
          : null;
        records.leases.push({
          id: newId(),
          regionId: site.regionId,
          agreementNumber: `${site.code}/${startDate.slice(0, 4)}/${String(++leaseSerial).padStart(4, '0')}`,
          householdId: tenant.id,
          unitId: unit.id,
          applicationId: application?.id ?? null,
          startDate,
          endDate: addDays(addMonths(startDate, 24), -1),
          monthlyRent: unit.monthlyRent,
          deposit: unit.monthlyRent * 3,
          status: 'active',
        });
        if (recent && site.fieldWork && !site.quietBlocks?.includes(unit.block) && random.chance(0.5)) {
          records.inspections.push(makeInspection(random, newId, { unit, site, inspectorId: officer.id, today, type: 'move_in', inspectedOn: startDate }));
        }
      } else if (unit.status === 'reserved') {
        const household = makeHousehold(ctx, { place: site.place, registeredBy: officer.id, income: 'low' });
        records.households.push(household);
        apply(random, newId, { household, siteId: site.id, status: 'unit_offered', officer, office: staff.office, lastMoveAt: daysAgo(random.int(1, 12)), offeredUnit: unit });
      }
    }

    for (let i = 0; i < site.applicants; i++) {
      const status = random.weighted(applicantStatuses);
      const why = random.weighted([['income', 3], ['house', 1], ['ktp', 1]] as const);
      const rejected = status === 'rejected';
      const household = makeHousehold(ctx, {
        place: site.place,
        registeredBy: officer.id,
        income: rejected && why === 'income' ? 'high' : 'low',
        ownsHouse: rejected && why === 'house',
        localIdCard: !(rejected && why === 'ktp'),
      });
      records.households.push(household);
      const rejectionReason = why === 'income' ? 'Penghasilan rumah tangga di atas batas program' : why === 'house' ? 'Sudah memiliki rumah sendiri' : 'KTP kepala keluarga bukan dari provinsi ini';
      apply(random, newId, { household, siteId: site.id, status, officer, office: staff.office, lastMoveAt: daysAgo(status === 'draft' ? random.int(0, 5) : random.int(1, 60)), rejectionReason });
    }

    if (!site.fieldWork) continue;
    const quiet = (unit: DemoUnit) => site.quietBlocks?.includes(unit.block) ?? false;
    for (const unit of site.units.filter((u) => !quiet(u) && random.chance(0.12))) {
      records.inspections.push(makeInspection(random, newId, { unit, site, inspectorId: officer.id, today }));
    }
    const month = addMonths(`${today.slice(0, 7)}-01`, -1).slice(0, 7);
    const firstOfMonth = Date.parse(`${today.slice(0, 7)}-01T02:00:00.000Z`);
    records.occupancyReports.push({
      id: newId(),
      regionId: site.regionId,
      siteId: site.id,
      month,
      status: 'submitted',
      rows: site.units.map((unit) => {
        const occupied = unit.status === 'occupied';
        const arrearsMonths = occupied ? random.weighted([[0, 80], [1, 10], [2, 6], [4, 4]] as const) : 0;
        return { unitId: unit.id, occupied, occupants: sizeOf.get(unit.id) ?? 0, arrearsMonths, arrearsAmount: arrearsMonths * unit.monthlyRent, issues: occupied && random.chance(0.08) ? random.pick(reportIssues) : '' };
      }),
      submittedAt: new Date(Math.min(firstOfMonth + random.int(0, 48) * 3_600_000, now.getTime() - 3_600_000)).toISOString(),
      preparedBy: officer.id,
    });
  }

  addSharedNiks(records, sites);
  return records;
}

/**
 * Two cases the office must look at: a tenant in Jakarta Timur applying again in Bandung (the
 * same person, the same NIK), and one person listed as a member of two Bandung households.
 */
function addSharedNiks(records: DemoRecords, sites: readonly DemoSite[]) {
  const inRegionOf = (siteName: string) => records.households.filter((h) => h.regionId === sites.find((s) => s.name === siteName)?.regionId);
  const jakartaTenant = inRegionOf('Rusunawa Pulo Gebang').find((h) => h.currentAddress.startsWith('Unit '));
  const bandungApplicant = inRegionOf('Rusunawa Sadang Serang').find((h) => !h.currentAddress.startsWith('Unit '));
  if (jakartaTenant && bandungApplicant) {
    const { headName, headNik, birthDate, sex } = jakartaTenant;
    Object.assign(bandungApplicant, { headName, headNik, birthDate, sex, hasLocalIdCard: false });
  }
  const coblong = inRegionOf('Rusunawa Cigadung');
  const lodger = coblong.flatMap((h) => h.members.filter((m) => m.nik !== null && m.relationship !== 'child'))[0];
  const host = inRegionOf('Rusunawa Sarijadi').find((h) => h.members.length < 5);
  if (lodger && host) host.members.push({ ...lodger, key: `m${host.members.length + 1}`, relationship: 'other' });
}
