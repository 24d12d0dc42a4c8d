import type { SessionUser } from '../../schema';
import type { ServerConfig } from '../config';
import type { Db } from '../db/open-database';

export interface AppEnv {
  Variables: {
    db: Db;
    config: ServerConfig;
    user: SessionUser;
  };
}
