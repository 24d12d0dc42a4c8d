import type { SessionUser } from '../../schema';
import type { LoginThrottle } from '../auth/login-throttle';
import type { ServerConfig } from '../config';
import type { Storage } from '../storage/storage';
import type { PushThread } from '../sync/push-thread';

export interface AppEnv {
  Variables: {
    storage: Storage;
    /** Where pushes are applied when the server runs them on a thread of their own (decision 021). */
    pushThread: PushThread | undefined;
    config: ServerConfig;
    user: SessionUser;
    /** The bearer token of the request (set with user), for sign-out. */
    token: string;
    loginThrottle: LoginThrottle;
    /** The server secret (server-secret.ts): the password pepper. */
    secret: Buffer;
  };
}
