import type { SessionUser } from '../../schema';
import type { ServerConfig } from '../config';
import type { Storage } from '../storage/storage';

export interface AppEnv {
  Variables: {
    storage: Storage;
    config: ServerConfig;
    user: SessionUser;
  };
}
