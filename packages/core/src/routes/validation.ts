import type { z } from 'zod';
import type { FieldError } from './errors';

/**
 * Field errors of a failed parse. The field is the wire name of the parameter (`limit`,
 * `agent_name`); a problem with the whole input is reported under `location`.
 */
export function issuesToFieldErrors(error: z.ZodError, location: string): FieldError[] {
  return error.issues.map((issue) => ({
    field: issue.path.length > 0 ? issue.path.map(String).join('.') : location,
    message: issue.message,
  }));
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
