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
