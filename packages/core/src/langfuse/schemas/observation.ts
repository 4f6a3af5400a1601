import { z } from 'zod';
import { idSchema, isoDateTimeSchema, levelSchema, numberMapSchema } from './common';

/**
 * A legacy (v1) observation as listed by `GET /api/public/observations` (ObservationsView). Prices
 * and calculated costs are numbers in this generation.
 */
export const observationSchema = z.object({
  id: idSchema,
  traceId: z.string().nullish(),
  type: z.string().min(1),
  name: z.string().nullish(),
  startTime: isoDateTimeSchema,
  endTime: isoDateTimeSchema.nullish(),
  completionStartTime: isoDateTimeSchema.nullish(),
  model: z.string().nullish(),
  modelParameters: z.unknown().optional(),
  input: z.unknown().optional(),
  output: z.unknown().optional(),
  metadata: z.unknown().optional(),
  version: z.string().nullish(),
  level: levelSchema.nullish(),
  statusMessage: z.string().nullish(),
  parentObservationId: z.string().nullish(),
  promptId: z.string().nullish(),
  promptName: z.string().nullish(),
  promptVersion: z.number().int().nullish(),
  usageDetails: numberMapSchema.nullish(),
  costDetails: numberMapSchema.nullish(),
  environment: z.string().nullish(),
  modelId: z.string().nullish(),
  inputPrice: z.number().nullish(),
  outputPrice: z.number().nullish(),
  totalPrice: z.number().nullish(),
  calculatedInputCost: z.number().nullish(),
  calculatedOutputCost: z.number().nullish(),
  calculatedTotalCost: z.number().nullish(),
  /** Seconds. */
  latency: z.number().nullish(),
  /** Seconds. */
  timeToFirstToken: z.number().nullish(),
  createdAt: isoDateTimeSchema.nullish(),
  updatedAt: isoDateTimeSchema.nullish(),
});

/** A legacy Langfuse observation as validated from the wire. */
export type LangfuseObservation = z.infer<typeof observationSchema>;
