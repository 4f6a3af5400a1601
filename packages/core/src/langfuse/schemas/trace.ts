import { z } from 'zod';
import { idSchema, isoDateTimeSchema } from './common';

/**
 * A trace of `GET /api/public/traces` (TraceWithDetails). Lenient where Langfuse is: nullable
 * strings, absent tags, `latency`/`totalCost` of -1 when the metrics group was excluded.
 */
export const traceSchema = z.object({
  id: idSchema,
  timestamp: isoDateTimeSchema,
  name: z.string().nullish(),
  input: z.unknown().optional(),
  output: z.unknown().optional(),
  sessionId: z.string().nullish(),
  release: z.string().nullish(),
  version: z.string().nullish(),
  userId: z.string().nullish(),
  metadata: z.unknown().optional(),
  tags: z.array(z.string()).nullish(),
  public: z.boolean().nullish(),
  environment: z.string().nullish(),
  htmlPath: z.string().nullish(),
  /** Seconds; -1 when the `metrics` field group was excluded. */
  latency: z.number().nullish(),
  /** USD; -1 when the `metrics` field group was excluded. */
  totalCost: z.number().nullish(),
  createdAt: isoDateTimeSchema.nullish(),
  updatedAt: isoDateTimeSchema.nullish(),
});

/** A Langfuse trace as validated from the wire. */
export type LangfuseTrace = z.infer<typeof traceSchema>;
