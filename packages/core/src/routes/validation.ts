import type { z } from 'zod';
import type { FieldError } from './errors';

/**
 * Field errors of a failed parse. The field is the wire name of the parameter (`limit`,
 * `agent_name`); a problem with the whole input is reported under `location`. One entry per
 * field and message: a value can fail several checks with the same message (`page=1e20` is both
 * unsafe and too large).
 */
export function issuesToFieldErrors(error: z.ZodError, location: string): FieldError[] {
  const seen = new Map<string, FieldError>();
  for (const issue of error.issues) {
    const field = issue.path.length > 0 ? issue.path.map(String).join('.') : location;
    const key = JSON.stringify([field, issue.message]);
    if (!seen.has(key)) seen.set(key, { field, message: issue.message });
  }
  return [...seen.values()];
}

/** Parses one part of a request; returns the value or pushes field errors. */
export function parsePart<T>(
  schema: z.ZodType<T> | undefined,
  value: unknown,
  location: string,
  errors: FieldError[],
): T | undefined {
  if (schema === undefined) return undefined;
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  errors.push(...issuesToFieldErrors(result.error, location));
  return undefined;
}
