import { invalidResponseError, type RequestTarget } from './failures';
import { mask } from './sanitize';

/** A query value; `undefined` and `null` are dropped, arrays become repeated keys. */
export type QueryValue = string | number | boolean | string[] | null | undefined;

/**
 * The query as ofetch sends it: empty values dropped (so an unset filter is absent, not `key=`),
 * arrays kept for repeated keys (`environment=a&environment=b`, as the legacy endpoints expect).
 *
 * @example
 * toQuery({ limit: 100, name: undefined, tags: ['a', 'b'] }); // { limit: '100', tags: ['a', 'b'] }
 */
export function toQuery(
  query: Record<string, QueryValue> | undefined,
): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) {
      if (value.length > 0) out[key] = value;
    } else out[key] = String(value);
  }
  return out;
}

/** The JSON of a 2xx body; `LANGFUSE_INVALID_RESPONSE` when it is empty or not JSON. */
export function parseJsonBody(body: string, target: RequestTarget): unknown {
  try {
    return JSON.parse(body);
  } catch {
    throw invalidResponseError(body.trim() === '' ? 'empty body' : 'not JSON', target);
  }
}

/**
 * The server's own explanation of an error (Langfuse sends `{ message }` or `{ error }`; a proxy
 * may send HTML), cut to 300 characters and with `secrets` masked.
 *
 * @example
 * serverMessage('{"message":"Invalid filter"}', []); // 'Invalid filter'
 */
export function serverMessage(body: string, secrets: readonly string[]): string | undefined {
  let text = body.trim();
  try {
    const parsed: unknown = JSON.parse(body);
    if (parsed && typeof parsed === 'object') {
      const { message, error } = parsed as { message?: unknown; error?: unknown };
      const picked =
        typeof message === 'string' ? message : typeof error === 'string' ? error : undefined;
      if (picked !== undefined) text = picked;
    }
  } catch {
    // Not JSON: keep the raw text.
  }
  if (!text) return undefined;
  const short = text.length > 300 ? `${text.slice(0, 300)}…` : text;
  return mask(short, secrets);
}
