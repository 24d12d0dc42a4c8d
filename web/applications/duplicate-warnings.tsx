import type { DuplicateFlag } from '../../schema';
import type { NikDuplicate, NikHolder } from '../queries/household-duplicates';
import { paths } from '../router/routes';
import type { StepProps } from './step-props';

interface DuplicateWarningsProps {
  local: readonly NikDuplicate[];
  /** What the server found across every region (open flags only). */
  flags: readonly DuplicateFlag[];
  words: StepProps['words'];
  headingLevel: 2 | 3;
}

/** One line per NIK and other household, however many ways they meet. */
function distinct(local: readonly NikDuplicate[]): NikDuplicate[] {
  const seen = new Set<string>();
  return local.filter((d) => {
    const key = `${d.nik}/${d.otherHouseholdId}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Another household with the same NIK: a warning for the officer to check, never a refusal. */
export function DuplicateWarnings({ local, flags, words, headingLevel }: DuplicateWarningsProps) {
  const { m } = words;
  if (local.length === 0 && flags.length === 0) return null;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const person = (holder: NikHolder) => (holder.role === 'head' ? m('person.head') : m('person.member', { name: holder.name }));
  const role = (holder: NikHolder) => (holder.role === 'head' ? m('duplicates.asHead') : m('duplicates.asMember', { name: holder.name }));
  return (
    <section class="duplicates" aria-labelledby="duplicates-heading">
      <Heading id="duplicates-heading">{m('duplicates.heading')}</Heading>
      <ul class="duplicates__list">
        {distinct(local).map((d) => (
          <li key={`${d.nik}/${d.otherHouseholdId}`}>
            {m('duplicates.local', { nik: d.nik, person: person(d.holder), role: role(d.otherHolder) })}{' '}
            <a href={paths.household(d.otherHouseholdId)}>{m('duplicates.open', { name: d.otherHeadName })}</a>
          </li>
        ))}
        {flags.map((flag) => (
          <li key={flag.id}>{m('duplicates.server', { nik: flag.nik, region: flag.otherRegionName })}</li>
        ))}
      </ul>
      <p class="note">{m('duplicates.note')}</p>
    </section>
  );
}
