import { z } from 'zod';
import { legacyMetaSchema } from './common';
import { observationSchema } from './observation';
import { traceSchema } from './trace';

/** A legacy list envelope; records are validated one by one afterwards. */
export const legacyEnvelopeSchema = z.object({
  data: z.array(z.unknown()),
  meta: legacyMetaSchema,
});

/** The v2 observations envelope; a missing or null cursor means the last page. */
export const cursorEnvelopeSchema = z.object({
  data: z.array(z.unknown()),
  meta: z.object({ cursor: z.string().nullish() }).nullish(),
});

/** `GET /api/public/traces/{id}`: the trace and its observations, validated separately. */
export const traceDetailEnvelopeSchema = traceSchema.extend({
  observations: z.array(z.unknown()).nullish(),
});

/** `GET /api/public/projects`: the project(s) the keys belong to. */
export const projectsSchema = z.object({
  data: z.array(
    z.object({
      id: z.string(),
      name: z.string().nullish(),
      organization: z.object({ id: z.string(), name: z.string().nullish() }).nullish(),
    }),
  ),
});

/** `GET /api/public/health`. */
export const healthSchema = z.object({ version: z.string().nullish(), status: z.string() });

export { observationSchema };
