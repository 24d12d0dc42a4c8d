import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { household as householdEntity } from '../../schema';
import { appliedSeq, deviceOf, edit, freshNik, householdFields, pullAll, regionIdOf, rejectionCode, upsert, versionOf } from '../test-support/domain-records';
import { createTestServer, type TestServer } from '../test-support/test-server';
import { writeChange } from './write-change';

// S24: duplicate NIKs across regions, pushed through the real API onto a real SQLite file.

let server: TestServer;
let bandung: string;
let jaktim: string;
beforeEach(async () => {
  server = await createTestServer();
  bandung = regionIdOf(server, 'Kota Bandung');
  jaktim = regionIdOf(server, 'Kota Jakarta Timur');
});
afterEach(() => server.close());

interface FlagRow {
  id: string;
  regionId: string;
  householdId: string;
  nik: string;
  otherHouseholdId: string;
  otherRegionName: string;
  status: string;
  updatedBy: string;
  version: number;
}

const flags = () =>
  server.sqlite
    .prepare(
      'select id, region_id regionId, household_id householdId, nik, other_household_id otherHouseholdId, other_region_name otherRegionName, status, updated_by updatedBy, version from duplicateFlags order by version',
    )
    .all() as FlagRow[];

const member = (nik: string | null, key = 'm1') => ({ key, name: 'Agus Setiawan', nik, relationship: 'spouse' as const, age: 30, occupation: 'Buruh', income: null });

describe('S24: a NIK named by two households is flagged in both regions', () => {
  it('S24: the same head NIK in Bandung and Jakarta Timur gives one flag on each side, naming only the other region', async () => {
    const siti = await deviceOf(server, 'petugas');
    const budi = await deviceOf(server, 'petugas.jaktim');
    const nik = freshNik();
    const inBandung = householdFields(bandung, { headNik: nik, headName: 'Siti Aminah', phone: '081311112222', currentAddress: 'Jl. Dago No. 1, Bandung' });
    appliedSeq((await siti.push(upsert('households', inBandung)))[0]);
    expect(flags()).toEqual([]);

    const inJakarta = householdFields(jaktim, { headNik: nik, headName: 'Siti A.', currentAddress: 'Jl. Pulo Gebang No. 3, Jakarta Timur' });
    appliedSeq((await budi.push(upsert('households', inJakarta)))[0]);

    expect(flags().map(({ id: _id, version: _v, ...flag }) => flag)).toEqual([
      { regionId: jaktim, householdId: inJakarta.id, nik, otherHouseholdId: inBandung.id, otherRegionName: 'Kota Bandung', status: 'open', updatedBy: 'system' },
      { regionId: bandung, householdId: inBandung.id, nik, otherHouseholdId: inJakarta.id, otherRegionName: 'Kota Jakarta Timur', status: 'open', updatedBy: 'system' },
    ]);
  });

  it('S24: each officer receives her own flag and nothing of the other household', async () => {
    const siti = await deviceOf(server, 'petugas');
    const budi = await deviceOf(server, 'petugas.jaktim');
    const nik = freshNik();
    const inBandung = householdFields(bandung, { headNik: nik, headName: 'Nyai Kokom', phone: '081399990000', currentAddress: 'Gg. Rahasia No. 9, Bandung' });
    await siti.push(upsert('households', inBandung));
    const inJakarta = householdFields(jaktim, { headNik: nik });
    await budi.push(upsert('households', inJakarta));

    const jakartaView = await pullAll(server, budi.token);
    const jakartaFlags = jakartaView.filter((c) => c.entity === 'duplicateFlags');
    expect(jakartaFlags.map((c) => c.record.householdId)).toEqual([inJakarta.id]);
    expect(jakartaFlags[0]!.record).toMatchObject({ otherHouseholdId: inBandung.id, otherRegionName: 'Kota Bandung', nik });
    const seen = JSON.stringify(jakartaView);
    for (const secret of [inBandung.headName, inBandung.phone, inBandung.currentAddress, inBandung.kkNumber]) expect(seen).not.toContain(secret);
    expect(jakartaView.some((c) => c.recordId === inBandung.id)).toBe(false);

    const bandungFlags = (await pullAll(server, siti.token)).filter((c) => c.entity === 'duplicateFlags');
    expect(bandungFlags.map((c) => [c.record.householdId, c.record.otherRegionName])).toEqual([[inBandung.id, 'Kota Jakarta Timur']]);
  });

  it("S24: a member's NIK matches another household's head, and the other way round", async () => {
    const siti = await deviceOf(server, 'petugas');
    const budi = await deviceOf(server, 'petugas.jaktim');
    const head = householdFields(bandung);
    await siti.push(upsert('households', head));
    const memberOfJakarta = householdFields(jaktim, { members: [member(head.headNik)] });
    await budi.push(upsert('households', memberOfJakarta));
    expect(flags().map((f) => [f.householdId, f.otherHouseholdId, f.nik])).toEqual([
      [memberOfJakarta.id, head.id, head.headNik],
      [head.id, memberOfJakarta.id, head.headNik],
    ]);

    // A new head whose NIK is already a member elsewhere: found inside the other's member list.
    const spouseNik = freshNik('male', '2000-07-17');
    const withSpouse = householdFields(jaktim, { members: [member(spouseNik)] });
    await budi.push(upsert('households', withSpouse));
    const spouseAsHead = householdFields(bandung, { headNik: spouseNik, sex: 'male', birthDate: '2000-07-17' });
    await siti.push(upsert('households', spouseAsHead));
    expect(flags().slice(2).map((f) => [f.householdId, f.otherHouseholdId, f.nik])).toEqual([
      [spouseAsHead.id, withSpouse.id, spouseNik],
      [withSpouse.id, spouseAsHead.id, spouseNik],
    ]);
  });

  it('S24: two members with the same NIK in two households are flagged', async () => {
    const siti = await deviceOf(server, 'petugas');
    const budi = await deviceOf(server, 'petugas.jaktim');
    const childNik = freshNik('male', '2015-02-01');
    const first = householdFields(bandung, { members: [member(null, 'a'), { ...member(childNik, 'b'), relationship: 'child', age: 10 }] });
    await siti.push(upsert('households', first));
    const second = householdFields(jaktim, { members: [{ ...member(childNik), relationship: 'grandchild', age: 10 }] });
    await budi.push(upsert('households', second));
    expect(flags().map((f) => [f.regionId, f.householdId, f.nik])).toEqual([
      [jaktim, second.id, childNik],
      [bandung, first.id, childNik],
    ]);
  });

  it('S24: households of the same region are flagged too, and a household naming a NIK twice is not its own duplicate', async () => {
    const siti = await deviceOf(server, 'petugas');
    const self = householdFields(bandung);
    const twice = { ...self, members: [member(self.headNik)] };
    appliedSeq((await siti.push(upsert('households', twice)))[0]);
    expect(flags()).toEqual([]);

    const neighbour = householdFields(bandung, { headNik: self.headNik });
    await siti.push(upsert('households', neighbour));
    expect(flags().map((f) => [f.regionId, f.householdId, f.otherHouseholdId, f.otherRegionName])).toEqual([
      [bandung, neighbour.id, self.id, 'Kota Bandung'],
      [bandung, self.id, neighbour.id, 'Kota Bandung'],
    ]);
  });

  it('S24: a pair is flagged once, however often either household is saved or whichever NIK matches', async () => {
    const siti = await deviceOf(server, 'petugas');
    const budi = await deviceOf(server, 'petugas.jaktim');
    const spouseNik = freshNik('male', '2000-01-30');
    const inBandung = householdFields(bandung, { members: [member(spouseNik)] });
    await siti.push(upsert('households', inBandung));
    const inJakarta = householdFields(jaktim, { headNik: inBandung.headNik });
    await budi.push(upsert('households', inJakarta));
    expect(flags()).toHaveLength(2);

    // The Jakarta household gains the Bandung spouse too: a second matching NIK, the same pair.
    await budi.push(edit('households', inJakarta.id, versionOf(server, 'households', inJakarta.id), { members: [member(spouseNik)] }));
    await siti.push(edit('households', inBandung.id, versionOf(server, 'households', inBandung.id), { members: [member(spouseNik), member(null, 'm2')] }));
    expect(flags()).toHaveLength(2);

    // A third household with the same head NIK pairs with each of the two: two pairs, four flags.
    const third = householdFields(jaktim, { headNik: inBandung.headNik });
    await budi.push(upsert('households', third));
    expect(flags()).toHaveLength(6);
    expect(flags().slice(2).map((f) => [f.householdId, f.otherHouseholdId]).sort()).toEqual(
      [
        [third.id, inBandung.id],
        [inBandung.id, third.id],
        [third.id, inJakarta.id],
        [inJakarta.id, third.id],
      ].sort(),
    );
  });

  it('S24: a flag the office dismissed is not raised again for the same pair', async () => {
    const siti = await deviceOf(server, 'petugas');
    const budi = await deviceOf(server, 'petugas.jaktim');
    const office = await deviceOf(server, 'kantor');
    const inBandung = householdFields(bandung);
    await siti.push(upsert('households', inBandung));
    const inJakarta = householdFields(jaktim, { headNik: inBandung.headNik });
    await budi.push(upsert('households', inJakarta));
    for (const flag of flags()) appliedSeq((await office.push(edit('duplicateFlags', flag.id, flag.version, { status: 'dismissed', resolvedBy: office.user.id })))[0]);

    await siti.push(edit('households', inBandung.id, versionOf(server, 'households', inBandung.id), { members: [member(null)] }));
    expect(flags().map((f) => f.status)).toEqual(['dismissed', 'dismissed']);
  });

  it('S24: only a change of the NIKs looks again; a phone number change does not', async () => {
    const siti = await deviceOf(server, 'petugas');
    const inBandung = householdFields(bandung);
    await siti.push(upsert('households', inBandung));
    // A duplicate that reached the database without a push (as imported data might), so unflagged.
    const imported = householdFields(jaktim, { headNik: inBandung.headNik });
    await server.storage.transaction((tx) =>
      writeChange(tx, { entity: householdEntity, op: 'upsert', record: imported, changedFields: null, userId: 'import', serverTime: new Date().toISOString() }),
    );

    await siti.push(edit('households', inBandung.id, versionOf(server, 'households', inBandung.id), { phone: '085722223333' }));
    expect(flags()).toEqual([]);
    await siti.push(edit('households', inBandung.id, versionOf(server, 'households', inBandung.id), { members: [member(null)] }));
    expect(flags().map((f) => f.householdId).sort()).toEqual([inBandung.id, imported.id].sort());
  });

  it('S24: a deleted household is no duplicate', async () => {
    const siti = await deviceOf(server, 'petugas');
    const budi = await deviceOf(server, 'petugas.jaktim');
    const gone = householdFields(jaktim);
    const created = appliedSeq((await budi.push(upsert('households', gone)))[0]);
    await budi.push({ ...edit('households', gone.id, created, {}), op: 'delete' });
    await siti.push(upsert('households', householdFields(bandung, { headNik: gone.headNik })));
    expect(flags()).toEqual([]);
  });

  it('S24: a refused household writes no flag', async () => {
    const siti = await deviceOf(server, 'petugas');
    const budi = await deviceOf(server, 'petugas.jaktim');
    const inJakarta = householdFields(jaktim);
    await budi.push(upsert('households', inJakarta));
    // Written into a region the officer may not write: refused, and its flags with it.
    const forbidden = householdFields(jaktim, { headNik: inJakarta.headNik });
    expect(rejectionCode((await siti.push(upsert('households', forbidden)))[0])).toBe('region_forbidden');
    const invalid = householdFields(bandung, { headNik: inJakarta.headNik, phone: '12345' });
    expect(rejectionCode((await siti.push(upsert('households', invalid)))[0])).toBe('invalid_fields');
    expect(flags()).toEqual([]);
  });

  it('S24 S8: the flags come before the household’s own change row, whose seq the push answers', async () => {
    const siti = await deviceOf(server, 'petugas');
    const budi = await deviceOf(server, 'petugas.jaktim');
    const inBandung = householdFields(bandung);
    await siti.push(upsert('households', inBandung));
    const seq = appliedSeq((await budi.push(upsert('households', householdFields(jaktim, { headNik: inBandung.headNik }))))[0]);
    expect(flags()).toHaveLength(2);
    for (const flag of flags()) expect(flag.version).toBeLessThan(seq);
    expect(seq).toBe((server.sqlite.prepare('select max(seq) seq from change_log').get() as { seq: number }).seq);
  });
});
