import { z } from 'zod';
import { idSchema, isoDateTimeSchema, levelSchema, numberMapSchema } from './common';

/** A price the v2 API sends as a decimal string (`"0.0001"`); a number is accepted and kept as text. */
const decimalString = z.union([z.string(), z.number().transform(String)]).nullish();

/**
 * An observation of `GET /api/public/v2/observations`. Only the `core` fields are required:
 * fields of groups that were not requested are absent, so every other field is optional.
 */
export const observationV2Schema = z.object({
  // core
  id: idSchema,
  traceId: z.string().nullish(),
  startTime: isoDateTimeSchema,
  endTime: isoDateTimeSchema.nullish(),
  projectId: z.string().nullish(),
  parentObservationId: z.string().nullish(),
  type: z.string().min(1),
  // basic
  name: z.string().nullish(),
  level: levelSchema.nullish(),
  statusMessage: z.string().nullish(),
  version: z.string().nullish(),
  environment: z.string().nullish(),
  bookmarked: z.boolean().nullish(),
  public: z.boolean().nullish(),
  userId: z.string().nullish(),
  sessionId: z.string().nullish(),
  isRootObservation: z.boolean().nullish(),
  // time
  completionStartTime: isoDateTimeSchema.nullish(),
  createdAt: isoDateTimeSchema.nullish(),
  updatedAt: isoDateTimeSchema.nullish(),
  // io: raw strings (JSON text when the SDK sent JSON); other JSON is accepted as is
  input: z.unknown().optional(),
  output: z.unknown().optional(),
  // metadata
  metadata: z.unknown().optional(),
  // model
  providedModelName: z.string().nullish(),
  internalModelId: z.string().nullish(),
  modelParameters: z.unknown().optional(),
  modelId: z.string().nullish(),
  inputPrice: decimalString,
  outputPrice: decimalString,
  totalPrice: decimalString,
  // usage
  usageDetails: numberMapSchema.nullish(),
  costDetails: numberMapSchema.nullish(),
  totalCost: z.number().nullish(),
  usagePricingTierName: z.string().nullish(),
  // prompt
  promptId: z.string().nullish(),
  promptName: z.string().nullish(),
  promptVersion: z.number().int().nullish(),
  // metrics (seconds)
  latency: z.number().nullish(),
  timeToFirstToken: z.number().nullish(),
  // trace_context
  traceName: z.string().nullish(),
  tags: z.array(z.string()).nullish(),
  release: z.string().nullish(),
});

/** A v2 Langfuse observation as validated from the wire. */
export type LangfuseObservationV2 = z.infer<typeof observationV2Schema>;
