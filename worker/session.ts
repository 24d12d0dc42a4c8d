import type { SessionUser } from '../schema';

/** The signed-in user on this device, kept in the meta store. */
export interface Session {
  token: string;
  expiresAt: string;
  user: SessionUser;
  /** One id per sign-in on this installation; mutations are numbered per device. */
  deviceId: string;
}
