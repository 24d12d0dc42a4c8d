import { useMemo } from 'preact/hooks';
import { peopleResponseSchema, type Person } from '../../schema';
import type { ParseAnswer } from '../server-copy/server-copy';
import { useServerCopy } from '../server-copy/use-server-copy';

export const peopleCopyKey = 'office:people';
export const peoplePath = '/api/office/people';

export const parsePeople: ParseAnswer<Person[]> = (body) => {
  const parsed = peopleResponseSchema.safeParse(body);
  return parsed.success ? parsed.data.people : null;
};

/**
 * The names behind user ids (conflicts' keptBy and lostBy), for office screens: the server's
 * directory (GET /api/office/people), kept on the device so that names show offline too.
 * Empty until the first copy arrives; callers fall back to a short id.
 */
export function usePeopleNames(): ReadonlyMap<string, string> {
  const { copy } = useServerCopy(peopleCopyKey, peoplePath, parsePeople);
  return useMemo(() => new Map((copy?.value ?? []).map((person) => [person.id, person.displayName])), [copy]);
}
