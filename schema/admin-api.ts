import { z } from 'zod';
import { user } from './entities/user';
import { roles } from './roles';

/**
 * The administration API (users, roles, regions, sessions). It is not part of the sync protocol:
 * only the office's screens call it, online, built with the same app, so it has no version of
 * its own. User fields reuse the entity's validators.
 */
const fields = user.fields;

const passwordSchema = z.string().min(8, { error: 'password_too_short' }).max(200);

export const createUserRequestSchema = z.strictObject({
  username: fields.username.zod.regex(/^[a-z0-9._-]+$/, { error: 'username_format' }),
  displayName: fields.displayName.zod,
  role: z.enum(roles),
  regionIds: z.array(z.uuid()).max(50),
  password: passwordSchema,
});
export type CreateUserRequest = z.infer<typeof createUserRequestSchema>;

export const updateUserRequestSchema = z
  .strictObject({
    displayName: fields.displayName.zod,
    role: z.enum(roles),
    regionIds: z.array(z.uuid()).max(50),
    /** false deactivates the user: sign-in refused and every session ended. */
    active: z.boolean(),
  })
  .partial();
export type UpdateUserRequest = z.infer<typeof updateUserRequestSchema>;

export const resetPasswordRequestSchema = z.strictObject({ password: passwordSchema });

export const adminUserSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(roles),
  regionIds: z.array(z.string()),
  active: z.boolean(),
});
export type AdminUser = z.infer<typeof adminUserSchema>;

/**
 * What a device reports of itself after each sync round (S26), best effort. Outside the protocol
 * hash like the rest of this file: a server that does not know the route answers 404, which the
 * device ignores.
 */
export const deviceReportRequestSchema = z.strictObject({
  deviceId: z.uuid(),
  appVersion: z.string().max(40).nullable(),
  schemaVersion: z.int().min(0),
  protocolVersion: z.int().min(0),
  /** Outbox entries still waiting to be sent. */
  pendingCount: z.int().min(0).max(1_000_000),
  /** Attachment bytes still waiting to be uploaded. */
  pendingUploads: z.int().min(0).max(1_000_000),
  /** The device's last successful round, by its own clock; null if it has never had one. */
  lastSyncAt: z.iso.datetime({ offset: true }).nullable(),
});
export type DeviceReportRequest = z.infer<typeof deviceReportRequestSchema>;

export const deviceRejectionSchema = z.object({
  mutationId: z.string(),
  /** Null for a rejection stored before the server kept what it was about. */
  entity: z.string().nullable(),
  recordId: z.string().nullable(),
  code: z.string(),
  message: z.string(),
});
export type DeviceRejection = z.infer<typeof deviceRejectionSchema>;

/** One device's health for the office (GET /api/office/devices). Report fields are null until the device first reports. */
export const deviceHealthSchema = z.object({
  deviceId: z.string(),
  userId: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(roles),
  active: z.boolean(),
  appVersion: z.string().nullable(),
  schemaVersion: z.int().nullable(),
  protocolVersion: z.int().nullable(),
  firstSeenAt: z.string(),
  lastSeenAt: z.string(),
  lastSyncAt: z.string().nullable(),
  reportedAt: z.string().nullable(),
  pendingCount: z.int().nullable(),
  pendingUploads: z.int().nullable(),
  rejectedCount: z.int(),
  /** The newest five rejections, newest first. */
  recentRejections: z.array(deviceRejectionSchema),
});
export type DeviceHealth = z.infer<typeof deviceHealthSchema>;

export const deviceHealthResponseSchema = z.object({ devices: z.array(deviceHealthSchema) });
export type DeviceHealthResponse = z.infer<typeof deviceHealthResponseSchema>;

/** One change of a record's history (GET /api/history/:entity/:recordId, S27). */
export const historyEntrySchema = z.object({
  seq: z.int(),
  op: z.enum(['upsert', 'delete']),
  serverTime: z.string(),
  userId: z.string(),
  /** The author's display name; null if the user is unknown. */
  userName: z.string().nullable(),
  deviceId: z.string().nullable(),
  mutationId: z.string().nullable(),
  /** The fields that differ from the previous entry; empty for a delete. */
  changes: z.array(z.object({ field: z.string(), from: z.unknown(), to: z.unknown() })),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

export const recordHistoryResponseSchema = z.object({
  entity: z.string(),
  recordId: z.string(),
  entries: z.array(historyEntrySchema),
});
export type RecordHistoryResponse = z.infer<typeof recordHistoryResponseSchema>;

/** A name behind a user id, for the office's screens (GET /api/office/people). */
export const personSchema = z.object({ id: z.string(), displayName: z.string(), role: z.enum(roles) });
export type Person = z.infer<typeof personSchema>;
export const peopleResponseSchema = z.object({ people: z.array(personSchema) });
export type PeopleResponse = z.infer<typeof peopleResponseSchema>;
