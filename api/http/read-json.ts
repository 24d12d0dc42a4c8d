import type { Context } from 'hono';
import type { z } from 'zod';
import { HttpError } from './http-error';

/** Parses a JSON body against a schema: 400 for bad JSON, 400 naming the fields for the wrong shape. */
export async function readJson<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  let body: unknown;
  try {
    body = JSON.parse(await c.req.text());
  } catch {
    throw new HttpError(400, 'malformed_json', 'The request body is not valid JSON');
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new HttpError(400, 'invalid_request', 'The request body does not have the expected shape', {
      issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), code: i.code, message: i.message })),
    });
  }
  return parsed.data;
}
