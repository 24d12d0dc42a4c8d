import type { Person, SessionUser } from '../../schema';
import type { Storage } from '../storage/storage';
import { readableRegionIds } from '../sync/region-access';

/**
 * The names behind the user ids that records carry (a conflict's `keptBy` and `lostBy`, a change's
 * author): an administrator gets everyone, office staff the people assigned to a region they may
 * read, and themselves. Deactivated people stay listed: their past work still bears their name.
 */
export async function peopleDirectory(storage: Storage, caller: SessionUser): Promise<Person[]> {
  return storage.read(async (reader) => {
    const readable = caller.role === 'admin' ? null : await readableRegionIds(reader, caller);
    return (await reader.listUsers())
      .filter((u) => u.id === caller.id || !readable || u.regionIds.some((id) => readable.has(id)))
      .map((u) => ({ id: u.id, displayName: u.displayName, role: u.role }))
      .sort((a, b) => a.displayName.localeCompare(b.displayName));
  });
}
