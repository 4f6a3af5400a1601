import { z } from 'zod';

/** `{detail, code}`: every error answer. */
export const errorBody = z.object({
  detail: z.string().describe('For a person; may change'),
  code: z.string().describe('Stable, for programs: NOT_FOUND, READ_ONLY, INTERNAL, ...'),
});

/** 422: `{detail, code, errors: [{field, message}]}`. */
export const validationErrorBody = errorBody.extend({
  errors: z.array(z.object({ field: z.string(), message: z.string() })),
});

/**
 * The error answers every route may give: 401/403 (the host's auth or API keys), 422, 500 and
 * 503 (store unavailable).
 */
export const commonErrors = {
  401: errorBody,
  403: errorBody,
  422: validationErrorBody,
  500: errorBody,
  503: errorBody,
} as const;

/** The errors of routes with path parameters: {@link commonErrors} plus 400 (undecodable segment) and 404. */
export const pathErrors = {
  ...commonErrors,
  400: errorBody,
  404: errorBody,
} as const;

/** Human descriptions of the statuses the routes answer, for the OpenAPI document. */
export const STATUS_DESCRIPTIONS: Readonly<Record<number, string>> = Object.freeze({
  200: 'OK',
  400: 'Malformed request, e.g. a path segment that is not valid percent-encoding',
  202: 'Accepted: a sync run was started or joined',
  304: 'Not modified: the If-None-Match tag still names the current answer (no body)',
  401: 'Missing or invalid credentials',
  403: 'Forbidden (the host denied access, or the dashboard is read-only)',
  404: 'Not found',
  409: 'Conflict: no sync service is configured',
  422: 'Invalid parameter; errors names each field',
  429: 'Too many requests: over the per-client limit the host set, or Langfuse is limiting a call made for this request; wait Retry-After seconds',
  500: 'Internal server error (details are logged, not returned)',
  503: 'Unavailable: the data store cannot be read; for /api/events, the server is full or shutting down',
});
