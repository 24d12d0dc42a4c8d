import { z } from 'zod';
import { defineEntity } from '../entity';
import { f } from '../field';
import { roles } from '../roles';

/** A person who signs in. Lives on the server only; a device keeps just its own session. */
export const user = defineEntity({
  name: 'users',
  fields: {
    id: f.id(),
    username: f.text(64, 3).unique(),
    displayName: f.text(120, 1),
    role: f.oneOf(roles),
    /** The regions assigned; the user may also see every region below them. */
    regionIds: f.json(z.array(z.uuid())),
    active: f.bool(),
    passwordHash: f.text(300).serverOnly(),
  },
  regionField: null,
  synced: false,
  writableBy: ['admin'],
});
