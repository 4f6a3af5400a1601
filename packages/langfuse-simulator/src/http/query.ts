import { z } from 'zod';
import { badRequest } from './responses';

/** A query parameter that is repeated (`?environment=a&environment=b`) or single. */
export type QueryValue = string | string[];

/** URLSearchParams as an object: repeated keys become arrays. */
export function queryObject(params: URLSearchParams): Record<string, QueryValue> {
  const out: Record<string, QueryValue> = {};
  for (const [key, value] of params) {
    const previous = out[key];
    if (previous === undefined) out[key] = value;
    else out[key] = Array.isArray(previous) ? [...previous, value] : [previous, value];
  }
  return out;
}

/** An ISO-8601 date-time parameter, parsed to epoch ms. */
export const isoTime = z.iso
  .datetime({ offset: true, local: false })
  .transform((text) => Date.parse(text));

/** A positive integer parameter such as `page` or `limit`. */
export const positiveInt = z.coerce.number().int().min(1);

/** A parameter that may be repeated; always an array after parsing. */
export const stringList = z
  .union([z.string(), z.array(z.string())])
  .transform((value) => (Array.isArray(value) ? value : [value]));

/** Optional single-valued text (a repeated key keeps its first value, like most servers). */
export const text = z
  .union([z.string(), z.array(z.string())])
  .transform((value) => (Array.isArray(value) ? (value[0] ?? '') : value));

/** Parses a query with a zod schema; a failure becomes Langfuse's 400 body. */
export function parseQuery<T>(
  schema: z.ZodType<T>,
  params: URLSearchParams,
): { ok: true; value: T } | { ok: false; response: Response } {
  const result = schema.safeParse(queryObject(params));
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, response: badRequest('Invalid request data', result.error.issues) };
}
