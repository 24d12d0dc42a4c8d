import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_ATTACHMENT_BYTES, PROTOCOL_VERSION, SCHEMA_VERSION, uuidv7, type Mutation, type PushResponse } from '../../schema';
import { createTestServer, type TestServer } from '../test-support/test-server';

// S23: attachment bytes, against the real app on a real SQLite file and a real folder.

let server: TestServer;
let token: string;
let seq: number;
let deviceId: string;
beforeEach(async () => {
  server = await createTestServer();
  seq = 1;
  deviceId = uuidv7();
  token = (await server.login('petugas')).token;
});
afterEach(() => server.close());

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const attachmentsDir = () => path.join(path.dirname(server.dbPath), 'attachments');
const storedPath = (hash: string) => path.join(attachmentsDir(), hash.slice(0, 2), hash);
const auth = (t = token) => ({ authorization: `Bearer ${t}` });

async function push(mutations: Mutation[], t = token) {
  const response = await server.json('POST', '/api/sync/push', { protocolVersion: PROTOCOL_VERSION, schemaVersion: SCHEMA_VERSION, deviceId, mutations }, t);
  expect(response.status).toBe(200);
  const body = (await response.json()) as PushResponse;
  for (const r of body.results) expect(r.status, JSON.stringify(r)).toBe('applied');
}
/** Pushes an inspection of a Bandung unit and an attachment record naming `hash`; answers the attachment id. */
async function pushAttachmentRecord(hash: string, mimeType = 'image/jpeg'): Promise<string> {
  const unit = server.unitIn('Kota Bandung');
  const inspection = server.inspectionMutation(unit, seq++);
  const id = uuidv7();
  const attachment: Mutation = {
    id: uuidv7(),
    seq: seq++,
    entity: 'attachments',
    op: 'upsert',
    recordId: id,
    baseVersion: null,
    clientTime: new Date().toISOString(),
    fields: {
      id,
      regionId: unit.regionId,
      householdId: null,
      applicationId: null,
      inspectionId: inspection.recordId,
      itemKey: null,
      kind: 'inspection_photo',
      sha256: hash,
      mimeType,
      byteSize: 100,
      width: 1600,
      height: 1200,
      capturedAt: new Date().toISOString(),
    },
  };
  await push([inspection, attachment]);
  return id;
}

const put = (hash: string, bytes: BodyInit | null, headers: Record<string, string> = {}) =>
  server.request(`/api/attachments/${hash}`, { method: 'PUT', headers: { ...auth(), 'content-type': 'image/jpeg', ...headers }, body: bytes });
const get = (hash: string, t = token, method = 'GET') => server.request(`/api/attachments/${hash}`, { method, headers: auth(t) });

describe('S23: uploading attachment bytes', () => {
  it('S23: stores the bytes under their hash in a folder beside the database, and serves them back', async () => {
    const bytes = randomBytes(10_000);
    const hash = sha(bytes);
    await pushAttachmentRecord(hash);

    const response = await put(hash, bytes);
    expect(response.status, await response.clone().text()).toBe(201);
    expect(fs.readFileSync(storedPath(hash)).equals(bytes)).toBe(true);

    const served = await get(hash);
    expect(served.status).toBe(200);
    expect(Buffer.from(await served.arrayBuffer()).equals(bytes)).toBe(true);
    expect(served.headers.get('content-type')).toBe('image/jpeg');
    expect(served.headers.get('cache-control')).toBe('private, max-age=31536000, immutable');
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('S23: answers HEAD with the size and no body', async () => {
    const bytes = randomBytes(1234);
    const hash = sha(bytes);
    await pushAttachmentRecord(hash, 'application/pdf');
    expect((await put(hash, bytes, { 'content-type': 'application/pdf' })).status).toBe(201);
    const head = await get(hash, token, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe('1234');
    expect(head.headers.get('content-type')).toBe('application/pdf');
    expect((await head.arrayBuffer()).byteLength).toBe(0);
  });

  it('S23: an upload repeated (after a lost answer) succeeds again without rewriting the file', async () => {
    const bytes = randomBytes(5000);
    const hash = sha(bytes);
    await pushAttachmentRecord(hash);
    expect((await put(hash, bytes)).status).toBe(201);
    const before = fs.statSync(storedPath(hash));

    const again = await put(hash, bytes);
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ stored: 'already' });
    const after = fs.statSync(storedPath(hash));
    expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs]);
  });

  it('S23: refuses bytes that do not hash to their name with 422, and keeps nothing of them', async () => {
    const bytes = randomBytes(5000);
    const hash = sha(bytes);
    await pushAttachmentRecord(hash);
    const damaged = Buffer.from(bytes);
    damaged[0] = damaged[0]! ^ 0xff;

    const response = await put(hash, damaged);
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ error: 'hash_mismatch', message: expect.stringContaining(hash) });
    expect(fs.existsSync(storedPath(hash))).toBe(false);
    expect(fs.readdirSync(path.join(attachmentsDir(), '.tmp'))).toEqual([]);
    // The right bytes are still welcome.
    expect((await put(hash, bytes)).status).toBe(201);
  });

  it('S23: refuses a declared size above the limit with 413 before reading the body', async () => {
    const hash = sha(randomBytes(8));
    const response = await put(hash, 'x', { 'content-length': String(MAX_ATTACHMENT_BYTES + 1) });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error: 'attachment_too_large', message: expect.stringContaining('5 MB') });
  });

  it('S23: counts the bytes as they stream in, refusing with 413 past the limit whatever the length header says', async () => {
    const big = randomBytes(MAX_ATTACHMENT_BYTES + 1);
    const hash = sha(big);
    await pushAttachmentRecord(hash);
    // A stream has no Content-Length: only counting finds the size.
    const chunks = [big.subarray(0, 1_000_000), big.subarray(1_000_000)];
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        const next = chunks.shift();
        if (next) controller.enqueue(next);
        else controller.close();
      },
    });
    const response = await server.request(`/api/attachments/${hash}`, {
      method: 'PUT',
      headers: { ...auth(), 'content-type': 'image/jpeg' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
    expect(fs.existsSync(storedPath(hash))).toBe(false);
    expect(fs.readdirSync(path.join(attachmentsDir(), '.tmp'))).toEqual([]);
  });

  it('S23: keeps nothing of an upload that breaks off midway, and takes the whole file afterwards', async () => {
    const bytes = randomBytes(300_000);
    const hash = sha(bytes);
    await pushAttachmentRecord(hash);
    let sent = false;
    const breaking = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent) return controller.error(new Error('connection reset'));
        sent = true;
        controller.enqueue(bytes.subarray(0, 100_000));
      },
    });
    const response = await server.request(`/api/attachments/${hash}`, {
      method: 'PUT',
      headers: { ...auth(), 'content-type': 'image/jpeg' },
      body: breaking,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'upload_incomplete' });
    expect(fs.existsSync(storedPath(hash))).toBe(false);
    expect(fs.readdirSync(path.join(attachmentsDir(), '.tmp'))).toEqual([]);
    expect((await put(hash, bytes)).status).toBe(201);
    expect(fs.readFileSync(storedPath(hash)).equals(bytes)).toBe(true);
  });

  it('S23: takes a file larger than the 2 MiB limit of JSON bodies (it has its own limit)', async () => {
    const bytes = randomBytes(3 * 1024 * 1024);
    const hash = sha(bytes);
    await pushAttachmentRecord(hash);
    expect((await put(hash, bytes)).status).toBe(201);
  });

  it('S23: refuses bytes whose record the server does not have yet with 404, saying to sync the record first', async () => {
    const bytes = randomBytes(100);
    const response = await put(sha(bytes), bytes);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: 'attachment_record_missing' });
    expect(fs.existsSync(storedPath(sha(bytes)))).toBe(false);
  });

  it('S23: refuses bytes whose record is in a region the user may not write', async () => {
    const bytes = randomBytes(100);
    const hash = sha(bytes);
    await pushAttachmentRecord(hash);
    const other = (await server.login('petugas.jaktim')).token;
    const response = await server.request(`/api/attachments/${hash}`, { method: 'PUT', headers: { ...auth(other), 'content-type': 'image/jpeg' }, body: bytes });
    expect(response.status).toBe(404);
    expect(fs.existsSync(storedPath(hash))).toBe(false);
  });

  it('refuses a malformed hash with 400, another type with 415, and no sign-in with 401', async () => {
    const bytes = randomBytes(100);
    const hash = sha(bytes);
    await pushAttachmentRecord(hash);
    expect((await put('ABC', bytes)).status).toBe(400);
    // A path trick is only a malformed name by the time it arrives.
    expect((await put(`${hash}/../x`, bytes)).status).toBe(400);
    expect((await put(hash, bytes, { 'content-type': 'text/html' })).status).toBe(415);
    const anonymous = await server.request(`/api/attachments/${hash}`, { method: 'PUT', headers: { 'content-type': 'image/jpeg' }, body: bytes });
    expect(anonymous.status).toBe(401);
    expect(fs.existsSync(storedPath(hash))).toBe(false);
  });
});

describe('S23: serving attachment bytes', () => {
  it('S23: serves them only to users who may read a record naming them; to others it is 404', async () => {
    const bytes = randomBytes(100);
    const hash = sha(bytes);
    await pushAttachmentRecord(hash);
    expect((await put(hash, bytes)).status).toBe(201);

    const other = (await server.login('petugas.jaktim')).token;
    const refused = await get(hash, other);
    expect(refused.status).toBe(404);
    // Same answer as for bytes that do not exist at all: nothing is revealed.
    const unknown = await get(sha(randomBytes(10)), other);
    expect(await refused.json()).toEqual(await unknown.json());
    expect((await get(hash, other, 'HEAD')).status).toBe(404);
    expect((await server.request(`/api/attachments/${hash}`)).status).toBe(401);
  });

  it('S23: says 404 not_uploaded while the record is there but the bytes are not', async () => {
    const hash = sha(randomBytes(100));
    await pushAttachmentRecord(hash);
    const response = await get(hash);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: 'not_uploaded' });
  });

  it('S23: stops serving bytes once their only record is deleted', async () => {
    const bytes = randomBytes(100);
    const hash = sha(bytes);
    const id = await pushAttachmentRecord(hash);
    expect((await put(hash, bytes)).status).toBe(201);
    await push([{ id: uuidv7(), seq: seq++, entity: 'attachments', op: 'delete', recordId: id, baseVersion: 1, fields: {}, clientTime: new Date().toISOString() }]);
    expect((await get(hash)).status).toBe(404);
  });
});
