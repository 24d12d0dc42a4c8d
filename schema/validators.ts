import { z } from 'zod';
import { deviceRecordShape, writableShape, type AnyEntity, type EntityDefinition, type Fields } from './entity';
import { entities, type Entity, type EntityName } from './entities';

function validatorsFor<F extends Fields>(entity: EntityDefinition<string, F>) {
  const write = z.strictObject(writableShape(entity));
  return {
    /** A whole record as a device holds it (own fields plus system fields): pulled changes. */
    record: z.object(deviceRecordShape(entity)),
    /** A whole record as a person writes it: a create, or a merged update. */
    write,
    /** The fields one mutation changes. */
    patch: write.partial(),
  };
}

type Validators = { [E in Entity as E['name']]: ReturnType<typeof validatorsFor<E['fields']>> };

export const validators = Object.fromEntries(
  entities.map((e: AnyEntity) => [e.name, validatorsFor(e)]),
) as unknown as Validators;

export type RecordOf<N extends EntityName> = z.infer<Validators[N]['record']>;
export type WritableOf<N extends EntityName> = z.infer<Validators[N]['write']>;

export type Region = RecordOf<'regions'>;
export type Site = RecordOf<'sites'>;
export type Unit = RecordOf<'units'>;
export type Inspection = RecordOf<'inspections'>;
export type Conflict = RecordOf<'conflicts'>;
export type Household = RecordOf<'households'>;
export type Application = RecordOf<'applications'>;
export type ApplicationEvent = RecordOf<'applicationEvents'>;
export type ProgramRule = RecordOf<'programRules'>;
export type Attachment = RecordOf<'attachments'>;
export type Lease = RecordOf<'leases'>;
export type OccupancyReport = RecordOf<'occupancyReports'>;
export type DuplicateFlag = RecordOf<'duplicateFlags'>;

/** A zod issue reduced to what a form needs: which field, and a message key. */
export interface FieldProblem {
  field: string;
  code: string;
}

export function fieldProblems(error: z.ZodError): FieldProblem[] {
  return error.issues.map((issue) => ({
    field: String(issue.path[0] ?? ''),
    // Custom refinements carry their own key in the message; built-in checks use zod's code.
    code: issue.code === 'custom' ? issue.message : issue.code,
  }));
}
