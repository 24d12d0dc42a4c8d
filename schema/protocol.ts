import { z } from 'zod';
import { roles } from './roles';


/** Wire format between a device and the server. Bump PROTOCOL_VERSION when this changes. */

export const mutationSchema = z.strictObject({
  /** Unique per mutation, made on the device. */
  id: z.uuid(),
  /** Per-device sequence number: the first is 1, each next one is one more. */
  seq: z.int().min(1),
  entity: z.string().min(1).max(64),
  op: z.enum(['upsert', 'delete']),
  recordId: z.uuid(),
  /** The record version (server change seq) the change was based on; null for a new record. */
  baseVersion: z.int().min(0).nullable(),
  /** Only the fields this mutation changed. */
  fields: z.record(z.string(), z.unknown()),
  /** Device clock when the change was made: metadata only. */
  clientTime: z.iso.datetime({ offset: true }),
});
export type Mutation = z.infer<typeof mutationSchema>;

export const pushRequestSchema = z.strictObject({
  protocolVersion: z.int(),
  schemaVersion: z.int(),
  deviceId: z.uuid(),
  appVersion: z.string().max(40).optional(),
  mutations: z.array(mutationSchema).min(1).max(500),
});
export type PushRequest = z.infer<typeof pushRequestSchema>;

export const rejectionSchema = z.object({
  /** A stable code, e.g. invalid_fields, region_forbidden, role_forbidden, invalid_reference. */
  code: z.string(),
  message: z.string(),
  details: z.unknown().optional(),
});
export type Rejection = z.infer<typeof rejectionSchema>;

/**
 * Codes of a refused change that only made sense with an earlier one (S28: a unit reserved for an
 * offer that did not stand). The device drops such a change as soon as it is refused and shows the
 * record as the server holds it: what the person sees refused, or kept aside as a conflict, is the
 * change it followed, and there is nothing of this one to fix or send again.
 */
export const undoneWhenRefused: ReadonlySet<string> = new Set(['unit_not_held']);

export const mutationResultSchema = z.discriminatedUnion('status', [
  z.object({
    mutationId: z.uuid(),
    seq: z.int(),
    status: z.literal('applied'),
    /** The last change-log seq this mutation wrote: once the pull cursor passes it, the device holds its effect. */
    appliedSeq: z.int(),
    /** Fields whose value lost to a concurrent edit, each kept in a conflict record (S14). */
    conflicts: z.array(z.object({ field: z.string(), conflictId: z.uuid() })).optional(),
  }),
  z.object({
    mutationId: z.uuid(),
    seq: z.int(),
    /** The server will never apply it; it is acknowledged so that the queue moves on (S15). */
    status: z.literal('rejected'),
    reason: rejectionSchema,
  }),
]);
export type MutationResult = z.infer<typeof mutationResultSchema>;

export const pushResponseSchema = z.object({
  results: z.array(mutationResultSchema),
  lastMutationSeq: z.int(),
});
export type PushResponse = z.infer<typeof pushResponseSchema>;

const regionDigestSchema = z.object({ regionId: z.string(), count: z.int(), hash: z.string() });

export const changeSchema = z.object({
  seq: z.int(),
  entity: z.string(),
  op: z.enum(['upsert', 'delete']),
  recordId: z.string(),
  regionId: z.string(),
  /** The whole record after the change, system fields included. */
  record: z.record(z.string(), z.unknown()),
});
export type Change = z.infer<typeof changeSchema>;

export const pullResponseSchema = z.object({
  changes: z.array(changeSchema),
  /** Send this as `cursor` next time. It is a server change seq, never a clock. */
  cursor: z.int(),
  hasMore: z.boolean(),
  serverTime: z.string(),
  /** On the last page: each visible region's digest as of `cursor` (S17). */
  digests: z.array(regionDigestSchema).optional(),
});
export type PullResponse = z.infer<typeof pullResponseSchema>;

/**
 * `GET /api/sync/bootstrap` (protocol 3): every live record of every region the user may read, as
 * of one change-log seq, for a device whose cursor is 0 (S25). The body is NDJSON (gzip when the
 * device accepts it), one line each: a `begin` line, `records` lines of one entity each, and an
 * `end` line, whose absence means the answer was cut off. The ETag names the regions' digests, so
 * an unchanged set of regions is answered 304 to a device (or a cache) that holds it.
 */
export const bootstrapLineSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('begin'),
    /** The change-log seq the snapshot is as of: the device pulls the log from here. */
    cursor: z.int(),
    /** Each readable region's digest as of `cursor` (S17); they are also every region the user may see (S6). */
    digests: z.array(regionDigestSchema),
  }),
  z.object({
    type: z.literal('records'),
    entity: z.string(),
    /** Whole records, system fields included; each is checked with its entity's record validator. */
    records: z.array(z.unknown()),
  }),
  z.object({
    type: z.literal('end'),
    /** How many records the `records` lines held, to tell a whole answer from a cut one. */
    records: z.int(),
  }),
]);
export type BootstrapLine = z.infer<typeof bootstrapLineSchema>;

/** Every live record of one region, to replace a device's copy that failed its digest check. */
export const snapshotResponseSchema = z.object({
  regionId: z.string(),
  records: z.array(z.object({ entity: z.string(), record: z.record(z.string(), z.unknown()) })),
  /** The change-log seq the snapshot is as of. */
  cursor: z.int(),
});
export type SnapshotResponse = z.infer<typeof snapshotResponseSchema>;

export const loginRequestSchema = z.strictObject({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(200),
});

export const sessionUserSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(roles),
  regionIds: z.array(z.string()),
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

export const loginResponseSchema = z.object({
  token: z.string(),
  expiresAt: z.string(),
  user: sessionUserSchema,
});
export type LoginResponse = z.infer<typeof loginResponseSchema>;

/** Every 4xx and 5xx answer has this body. `error` is a stable code, `message` is for people. */
export const errorBodySchema = z.object({
  error: z.string(),
  message: z.string(),
  details: z.unknown().optional(),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;
