import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../api/test-support/test-server';
import { MIN_PROTOCOL_VERSION, SCHEMA_VERSION } from '../schema';
import { dexieSyncStore } from './dexie-sync-store';
import { LocalDb } from './local-db';
import { deleteRecord, discardRejected, resendRejected, saveRecord } from './local-writes';
import { signIn } from './sign-in';
import { syncOnce } from './sync-engine';
import { fetchTransport, type Transport } from './transport';

// Device-side protocol rules: the real engine and Dexie (fake-indexeddb) against the real API.
let server: TestServer;
let http: { baseUrl: string; close: () => Promise<void> };
const devices: LocalDb[] = [];

beforeEach(async () => {
  server = await createTestServer();
  http = await server.listen();
});
afterEach(async () => {
  for (const db of devices.splice(0)) db.close();
  await http.close();
  server.close();
});

async function device(username: string, password: string) {
  const db = new LocalDb(`device-${devices.length}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  devices.push(db);
  await signIn(db, http.baseUrl, username, password);
  const store = dexieSyncStore(db);
  const sync = (transport: Transport = fetchTransport(http.baseUrl)) => syncOnce(store, transport);
  await sync();
  return { db, store, sync };
}

async function inspect(db: LocalDb, notes: string, conditionRating = 3) {
  const unit = (await db.units.orderBy('code').first())!;
  const session = (await db.getMeta('session'))!;
  const saved = await saveRecord(db, 'inspections', undefined, {
    regionId: unit.regionId,
    unitId: unit.id,
    type: 'periodic',
    inspectedOn: '2026-11-24',
    conditionRating,
    notes,
    inspectorId: session.user.id,
    recordedAt: new Date().toISOString(),
    latitude: null,
    longitude: null,
    gpsAccuracyM: null,
    checklist: [],
  });
  if (!saved.ok) throw new Error(JSON.stringify(saved.problems));
  return saved.id;
}

const serverInspection = (id: string) => server.sqlite.prepare('select notes, condition_rating rating, deleted from inspections where id = ?').get(id);

describe('device side of the sync protocol', () => {
  it('S4: after a sequence gap the device renumbers its outbox and its writes still arrive once', async () => {
    const officer = await device('petugas', 'petugas123');
    const first = await inspect(officer.db, 'satu');
    const second = await inspect(officer.db, 'dua');
    // As if the server had lost this device's history (restored from a backup): the outbox starts at 7.
    await officer.db.outbox.toCollection().modify((e) => void (e.seq += 6));
    const outcome = await officer.sync();
    expect(outcome).toMatchObject({ ok: true, pushed: 2 });
    expect(serverInspection(first)).toMatchObject({ notes: 'satu' });
    expect(serverInspection(second)).toMatchObject({ notes: 'dua' });
    expect(server.sqlite.prepare('select last_mutation_seq from devices').get()).toEqual({ last_mutation_seq: 2 });
    expect(await officer.db.getMeta('device')).toMatchObject({ nextSeq: 3 });
  });

  it('S15: a rejected mutation does not block the queue, shows its reason, and can be fixed and sent again', async () => {
    const officer = await device('petugas', 'petugas123');
    const bad = await inspect(officer.db, 'akan ditolak');
    // A mutation the server will never accept (as an older app with a looser form might have made).
    await officer.db.outbox.where('recordId').equals(bad).modify((e) => void (e.fields.conditionRating = 9));
    const good = await inspect(officer.db, 'diterima');
    const outcome = await officer.sync();
    expect(outcome).toMatchObject({ ok: true, pushed: 2, rejected: 1 });
    expect(serverInspection(good)).toMatchObject({ notes: 'diterima' });
    expect(serverInspection(bad)).toBeUndefined();
    const [entry] = await officer.db.outbox.where('recordId').equals(bad).toArray();
    expect(entry).toMatchObject({ state: 'rejected', rejection: { code: 'invalid_fields' } });
    expect(await officer.db.inspections.get(bad)).toBeDefined(); // still on the device, with its mark

    // Fix: saving the record again folds the rejected change into a new mutation.
    expect((await saveRecord(officer.db, 'inspections', bad, { conditionRating: 2 })).ok).toBe(true);
    expect(await officer.db.outbox.where('recordId').equals(bad).toArray()).toMatchObject([{ state: 'pending', baseVersion: null }]);
    await officer.sync();
    expect(serverInspection(bad)).toMatchObject({ notes: 'akan ditolak', rating: 2 });
    expect(await officer.db.outbox.count()).toBe(0);
  });

  it('S15: a rejected change can be sent again as it is, or discarded back to the server state', async () => {
    const officer = await device('petugas', 'petugas123');
    const id = await inspect(officer.db, 'asli');
    await officer.sync();
    await saveRecord(officer.db, 'inspections', id, { notes: 'perubahan' });
    await officer.db.outbox.where('recordId').equals(id).modify((e) => void (e.fields.conditionRating = 0));
    await officer.sync();
    expect((await officer.db.outbox.where('recordId').equals(id).first())?.state).toBe('rejected');
    expect((await officer.db.inspections.get(id))?.notes).toBe('perubahan');

    await discardRejected(officer.db, 'inspections', id);
    expect(await officer.db.outbox.count()).toBe(0);
    expect((await officer.db.inspections.get(id))?.notes).toBe('asli');

    await saveRecord(officer.db, 'inspections', id, { notes: 'lagi' });
    await officer.db.outbox.where('recordId').equals(id).modify((e) => void (e.fields.conditionRating = 0));
    await officer.sync();
    await resendRejected(officer.db, 'inspections', id); // the device's record is valid: its values go again
    await officer.sync();
    expect(serverInspection(id)).toMatchObject({ notes: 'lagi', rating: 3 });
  });

  it('S14: two devices change the same field offline; both converge on the server value and both hold the conflict', async () => {
    const office = await device('kantor', 'kantor123');
    const admin = await device('admin', 'admin123');
    const unit = (await office.db.units.orderBy('code').first())!;
    await saveRecord(office.db, 'units', unit.id, { status: 'under_repair' });
    await saveRecord(admin.db, 'units', unit.id, { status: 'unavailable', monthlyRent: 1_000_000 });
    await office.sync();
    await admin.sync();
    await office.sync();
    for (const { db } of [office, admin]) {
      expect(await db.units.get(unit.id)).toMatchObject({ status: 'under_repair', monthlyRent: 1_000_000 });
      expect(await db.conflicts.toArray()).toMatchObject([{ recordId: unit.id, field: 'status', keptValue: 'under_repair', lostValue: 'unavailable', status: 'open' }]);
      expect(await db.outbox.count()).toBe(0);
    }
  });

  it('S16: a delete made on one device removes the record on the others', async () => {
    const one = await device('petugas', 'petugas123');
    const two = await device('petugas', 'petugas123');
    const id = await inspect(one.db, 'hapus saya');
    await one.sync();
    await two.sync();
    expect(await two.db.inspections.get(id)).toBeDefined();
    await deleteRecord(one.db, 'inspections', id);
    expect(await one.db.inspections.get(id)).toBeUndefined();
    await one.sync();
    await two.sync();
    expect(await two.db.inspections.get(id)).toBeUndefined();
    expect(serverInspection(id)).toMatchObject({ deleted: 1 });
  });

  it('S17: a device whose copy of a region went wrong re-downloads it and keeps its pending writes', async () => {
    const officer = await device('petugas', 'petugas123');
    const first = (await officer.db.units.orderBy('code').first())!;
    const [lost, altered] = await officer.db.units.where('regionId').equals(first.regionId).limit(2).toArray();
    // Damage the local copy behind the engine's back, with a write still pending.
    await officer.db.units.delete(lost!.id);
    await officer.db.units.update(altered!.id, { version: 1, status: 'unavailable' });
    const pending = await inspect(officer.db, 'belum terkirim');
    await officer.db.meta.delete('verifiedDigests'); // as when the last check is an hour old
    const token = (await officer.db.getMeta('session'))!.token;
    const transport = fetchTransport(http.baseUrl);
    const { digests } = await transport.pull(token, 0, 1000);
    expect(await officer.store.mismatchedRegions(digests!)).toEqual([lost!.regionId]);
    await officer.store.replaceRegion(await transport.snapshot(token, lost!.regionId));
    expect(await officer.db.units.get(lost!.id)).toMatchObject({ code: lost!.code });
    expect(await officer.db.units.get(altered!.id)).toMatchObject({ status: altered!.status, version: altered!.version });
    expect(await officer.db.inspections.get(pending)).toMatchObject({ notes: 'belum terkirim' });
    expect(await officer.db.outbox.where('state').equals('pending').count()).toBe(1);
    expect(await officer.store.mismatchedRegions(digests!)).toEqual([]);
  });

  it('S17: a sync round finds a damaged region by its digest and repairs it', async () => {
    const officer = await device('petugas', 'petugas123');
    const [lost] = await officer.db.units.orderBy('code').limit(1).toArray();
    await officer.db.units.delete(lost!.id);
    await officer.db.meta.delete('verifiedDigests');
    const outcome = await officer.sync();
    expect(outcome).toMatchObject({ ok: true, redownloaded: [lost!.regionId] });
    expect(await officer.db.units.get(lost!.id)).toBeDefined();
    expect(await officer.sync()).toMatchObject({ ok: true, redownloaded: [] });
  });

  it('S20: clock skew is measured and shown, never a reason to refuse a sync', async () => {
    const officer = await device('petugas', 'petugas123');
    const base = fetchTransport(http.baseUrl);
    const skewed: Transport = {
      ...base,
      pull: async (...args) => {
        const page = await base.pull(...args);
        return { ...page, serverTime: new Date(Date.parse(page.serverTime) + 3 * 3_600_000).toISOString() };
      },
    };
    await inspect(officer.db, 'jam salah');
    expect(await officer.sync(skewed)).toMatchObject({ ok: true, pushed: 1 });
    const skew = (await officer.db.getMeta('syncStatus'))!.clockSkewMs!;
    expect(Math.abs(skew - 3 * 3_600_000)).toBeLessThan(60_000);
  });

  it('S18: an app too old for the server is told to update and keeps its outbox', async () => {
    const officer = await device('petugas', 'petugas123');
    await inspect(officer.db, 'menunggu pembaruan');
    const base = fetchTransport(http.baseUrl);
    const oldApp: Transport = { ...base, push: (token, request) => base.push(token, { ...request, protocolVersion: MIN_PROTOCOL_VERSION - 1 }) };
    const outcome = await syncOnce(officer.store, oldApp);
    expect(outcome).toMatchObject({ ok: false, kind: 'outdated' });
    expect(await officer.db.outbox.where('state').equals('pending').count()).toBe(1);
  });
});

describe('device side: lost answers', () => {
  const replyLost = (base: Transport): Transport => ({
    ...base,
    push: async (token, request) => {
      await base.push(token, request);
      throw new Error('reply lost');
    },
  });

  it('S16: deleting a record whose create reached the server without an answer still deletes it there', async () => {
    const officer = await device('petugas', 'petugas123');
    const id = await inspect(officer.db, 'jawaban hilang');
    expect((await officer.sync(replyLost(fetchTransport(http.baseUrl)))).ok).toBe(false);
    expect(serverInspection(id)).toMatchObject({ deleted: 0 });
    await deleteRecord(officer.db, 'inspections', id);
    await officer.sync();
    await officer.sync();
    expect(serverInspection(id)).toMatchObject({ deleted: 1 });
    expect(await officer.db.inspections.get(id)).toBeUndefined();
    expect(await officer.db.outbox.count()).toBe(0);
  });

  it('S4: a draft deleted before it was sent leaves no gap, and a lost answer is not renumbered', async () => {
    const officer = await device('petugas', 'petugas123');
    const a = await inspect(officer.db, 'A');
    expect((await officer.sync(replyLost(fetchTransport(http.baseUrl)))).ok).toBe(false);
    const b = await inspect(officer.db, 'B');
    await deleteRecord(officer.db, 'inspections', b);
    const c = await inspect(officer.db, 'C');
    // As if the seq of B's delete had been lost too: the server sees a gap after A.
    await officer.db.outbox.where('recordId').equals(c).modify((e) => void (e.seq += 5));
    expect(await officer.sync()).toMatchObject({ ok: true });
    expect(await officer.db.outbox.count()).toBe(0);
    expect(serverInspection(a)).toMatchObject({ notes: 'A', deleted: 0 });
    expect(serverInspection(b)).toMatchObject({ deleted: 1 });
    expect(serverInspection(c)).toMatchObject({ notes: 'C', deleted: 0 });
    expect(server.sqlite.prepare("select count(*) n from change_log where mutation_id is not null and entity = 'inspections'").get()).toEqual({ n: 4 });
  });
});

describe('device side: refused changes and other writers', () => {
  it('S14, S15: fixing and resending a refused edit keeps its old base, so a later edit by another device is not silently overwritten', async () => {
    const officer = await device('petugas', 'petugas123');
    const office = await device('kantor', 'kantor123');
    const id = await inspect(officer.db, 'awal');
    await officer.sync();
    await office.sync();
    // The officer's edit of the notes is refused (as if made by an app with a looser form).
    await saveRecord(officer.db, 'inspections', id, { notes: 'catatan petugas' });
    await officer.db.outbox.where('recordId').equals(id).modify((e) => void (e.fields.conditionRating = 9));
    await officer.sync();
    // Meanwhile the office changes the same notes.
    await saveRecord(office.db, 'inspections', id, { notes: 'catatan kantor' });
    await office.sync();
    await officer.sync();
    // The officer fixes the rating and saves: the refused notes go again, on their old base.
    await saveRecord(officer.db, 'inspections', id, { conditionRating: 4 });
    await officer.sync();
    expect(serverInspection(id)).toMatchObject({ notes: 'catatan kantor', rating: 4 });
    const conflict = server.sqlite.prepare('select field, kept_value, lost_value from conflicts where record_id = ?').get(id);
    expect(conflict).toEqual({ field: 'notes', kept_value: '"catatan kantor"', lost_value: '"catatan petugas"' });
  });

  it('S17: a region re-download never builds a partial record from a change of fields alone', async () => {
    const officer = await device('petugas', 'petugas123');
    const id = await inspect(officer.db, 'ada');
    await officer.sync();
    const record = (await officer.db.inspections.get(id))!;
    await saveRecord(officer.db, 'inspections', id, { notes: 'diubah' });
    const token = (await officer.db.getMeta('session'))!.token;
    const snapshot = await fetchTransport(http.baseUrl).snapshot(token, record.regionId);
    // As if the server no longer had the record in this region.
    await officer.store.replaceRegion({ ...snapshot, records: snapshot.records.filter((r) => r.record.id !== id) });
    expect(await officer.db.inspections.get(id)).toBeUndefined();
    expect(await officer.db.outbox.where('recordId').equals(id).count()).toBe(1);
  });
});

describe('device side: a refused delete', () => {
  it('S15: brings its record back from the server state, with the refusal on it, until it is discarded', async () => {
    const officer = await device('petugas', 'petugas123');
    const id = await inspect(officer.db, 'jangan hilang');
    await officer.sync();
    await deleteRecord(officer.db, 'inspections', id);
    expect(await officer.db.inspections.get(id)).toBeUndefined();
    const [entry] = await officer.store.pendingMutations(10);
    await officer.store.recordResults([{ mutationId: entry!.mutationId, seq: entry!.seq, status: 'rejected', reason: { code: 'role_forbidden', message: 'no' } }]);
    expect(await officer.db.inspections.get(id)).toMatchObject({ notes: 'jangan hilang' });
    await discardRejected(officer.db, 'inspections', id);
    expect(await officer.db.outbox.count()).toBe(0);
    expect(await officer.db.inspections.get(id)).toMatchObject({ notes: 'jangan hilang' });
  });
});

describe('device side: a refused reservation', () => {
  it('S28: a unit reserved for no offer is refused, and the device drops the change and shows the unit as the server holds it', async () => {
    const office = await device('kantor', 'kantor123');
    const unit = (await office.db.units.filter((u) => u.status === 'available').first())!;
    expect(unit).toBeDefined();
    // As a desk reserves the unit it offers, but with no offer standing on the server.
    const saved = await saveRecord(office.db, 'units', unit.id, { status: 'reserved' });
    expect(saved.ok).toBe(true);
    expect(await office.db.units.get(unit.id)).toMatchObject({ status: 'reserved' });
    expect((await office.sync()).ok).toBe(true);
    expect(server.sqlite.prepare('select status from units where id = ?').get(unit.id)).toEqual({ status: 'available' });
    // Not left laid over the unit as a refused change with nothing to fix: gone, and the unit as the server has it.
    expect(await office.db.outbox.where('recordId').equals(unit.id).count()).toBe(0);
    expect(await office.db.units.get(unit.id)).toMatchObject({ status: 'available', version: unit.version });
  });
});

describe('device side: regions taken away', () => {
  it('S6: a region an administrator assigns reaches the officer at her next sync, with its history; taken away again, its data leaves', async () => {
    const officer = await device('petugas', 'petugas123');
    const admin = await server.login('admin');
    const { id: userId, regionIds } = (await officer.db.getMeta('session'))!.user;
    const jakartaTimur = server.sqlite.prepare("select id from regions where name = 'Kota Jakarta Timur'").get() as { id: string };
    const jakartaUnits = () => officer.db.units.where('regionId').equals(jakartaTimur.id).count();
    expect(await jakartaUnits()).toBe(0);
    const onServer = (server.sqlite.prepare("select count(*) as n from units where region_id = ? and deleted = 0").get(jakartaTimur.id) as { n: number }).n;
    expect(onServer).toBeGreaterThan(0);

    const patch = (ids: string[]) => server.json('PATCH', `/api/admin/users/${userId}`, { regionIds: ids }, admin.token);
    expect((await patch([...regionIds, jakartaTimur.id])).status).toBe(200);
    expect((await officer.sync()).ok).toBe(true);
    // Records written long before her cursor come too: the region is downloaded whole.
    expect(await jakartaUnits()).toBe(onServer);

    expect((await patch(regionIds)).status).toBe(200);
    expect((await officer.sync()).ok).toBe(true);
    expect(await jakartaUnits()).toBe(0);
    expect(await officer.db.units.count()).toBeGreaterThan(0); // her own region stays
  });

  it('S6: the data of a region the user may no longer see leaves the device, except records with unsent changes', async () => {
    const office = await device('kantor', 'kantor123');
    const jakarta = (await office.db.sites.toArray()).find((s) => s.name.includes('Pulo Gebang'))!;
    expect(await office.db.units.where('regionId').equals(jakarta.regionId).count()).toBeGreaterThan(0);
    const kept = (await office.db.units.where('regionId').equals(jakarta.regionId).first())!;
    const saved = await saveRecord(office.db, 'units', kept.id, { status: kept.status === 'under_repair' ? 'available' : 'under_repair' });
    expect(saved).toMatchObject({ ok: true, changed: true });
    // An administrator takes DKI Jakarta away from this user.
    const { id: userId } = (await office.db.getMeta('session'))!.user;
    const dki = server.sqlite.prepare("select id from regions where name = 'DKI Jakarta'").get() as { id: string };
    const row = server.sqlite.prepare('select region_ids from users where id = ?').get(userId) as { region_ids: string };
    server.sqlite.prepare('update users set region_ids = ? where id = ?').run(JSON.stringify((JSON.parse(row.region_ids) as string[]).filter((r) => r !== dki.id)), userId);
    const outcome = await office.sync();
    expect(outcome.ok).toBe(true);
    // The unsent change was refused (the region is no longer the user's) and stays, on its record.
    const units = await office.db.units.where('regionId').equals(jakarta.regionId).toArray();
    expect(units.map((u) => u.id)).toEqual([kept.id]);
    expect(await office.db.sites.get(jakarta.id)).toBeUndefined();
    expect(await office.db.regions.get(dki.id)).toBeUndefined();
    expect(await office.db.units.count()).toBeGreaterThan(1); // the other regions stay
  });
});
