import { z } from 'zod';
import { idSchema, isoDateTimeSchema } from './common';

/** Every score data type Langfuse has; `TEXT` and `CORRECTION` carry free text only. */
export const scoreDataTypeSchema = z.enum([
  'NUMERIC',
  'BOOLEAN',
  'CATEGORICAL',
  'TEXT',
  'CORRECTION',
]);

/** Where a score came from. */
export const scoreSourceSchema = z.enum(['API', 'EVAL', 'ANNOTATION']);

const nullableText = z.string().nullish();

/** The fields both generations send alike. Lenient: every field a record can do without is nullish. */
const sharedScoreFields = {
  id: idSchema,
  name: z.string().min(1),
  dataType: scoreDataTypeSchema,
  source: scoreSourceSchema,
  timestamp: isoDateTimeSchema,
  createdAt: isoDateTimeSchema.nullish(),
  updatedAt: isoDateTimeSchema.nullish(),
  environment: nullableText,
  comment: nullableText,
  configId: nullableText,
  metadata: z.unknown().optional(),
  authorUserId: nullableText,
  queueId: nullableText,
};

/** A number the dashboard can count with: finite. */
const isFiniteNumber = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value);

/**
 * A score of the legacy `GET /api/public/v2/scores` (GetScoresResponseData): `value` is a number
 * for every data type but TEXT (booleans are 1/0, categories their mapped number), `stringValue`
 * the text of booleans and categories. A record whose value does not fit its data type is
 * rejected: a NUMERIC score without a finite number, a BOOLEAN one that is neither 1 nor 0, a
 * CATEGORICAL one without its category.
 */
export const scoreSchema = z
  .object({
    ...sharedScoreFields,
    value: z.number().nullish(),
    stringValue: nullableText,
    traceId: nullableText,
    sessionId: nullableText,
    observationId: nullableText,
    datasetRunId: nullableText,
    trace: z
      .object({
        userId: nullableText,
        tags: z.array(z.string()).nullish(),
        environment: nullableText,
        sessionId: nullableText,
      })
      .nullish(),
  })
  .superRefine((score, context) => {
    const problem = legacyValueProblem(score.dataType, score.value, score.stringValue);
    if (problem) context.addIssue({ code: 'custom', path: ['value'], message: problem });
  });

function legacyValueProblem(
  dataType: z.infer<typeof scoreDataTypeSchema>,
  value: number | null | undefined,
  stringValue: string | null | undefined,
): string | null {
  if (dataType === 'NUMERIC' && !isFiniteNumber(value))
    return 'a NUMERIC score needs a finite value';
  if (dataType === 'BOOLEAN' && value !== 0 && value !== 1) return 'a BOOLEAN score needs 1 or 0';
  if (dataType === 'CATEGORICAL' && !stringValue) return 'a CATEGORICAL score needs a stringValue';
  return null;
}

/** What a v3 score is attached to (the `subject` field group). */
export const scoreSubjectV3Schema = z.object({
  kind: z.string().min(1),
  id: z.string().min(1),
  traceId: nullableText,
});

/**
 * A score of `GET /api/public/v3/scores` (ScoreV3): `value` is polymorphic — a number for
 * NUMERIC, a boolean for BOOLEAN, a string for the other types. The `details` and `subject` field
 * groups are optional on the wire, so their fields are too. Values that do not fit the data type
 * are rejected as in {@link scoreSchema}.
 */
export const scoreV3Schema = z
  .object({
    ...sharedScoreFields,
    projectId: nullableText,
    value: z.union([z.number(), z.boolean(), z.string()]).nullish(),
    subject: scoreSubjectV3Schema.nullish(),
  })
  .superRefine((score, context) => {
    const problem = v3ValueProblem(score.dataType, score.value);
    if (problem) context.addIssue({ code: 'custom', path: ['value'], message: problem });
  });

function v3ValueProblem(
  dataType: z.infer<typeof scoreDataTypeSchema>,
  value: number | boolean | string | null | undefined,
): string | null {
  if (dataType === 'NUMERIC' && !isFiniteNumber(value))
    return 'a NUMERIC score needs a finite value';
  if (dataType === 'BOOLEAN' && typeof value !== 'boolean')
    return 'a BOOLEAN score needs a boolean';
  if (dataType === 'CATEGORICAL' && (typeof value !== 'string' || value === '')) {
    return 'a CATEGORICAL score needs its category';
  }
  return null;
}

/** A legacy Langfuse score as validated from the wire. */
export type LangfuseScore = z.infer<typeof scoreSchema>;
/** A v3 Langfuse score as validated from the wire. */
export type LangfuseScoreV3 = z.infer<typeof scoreV3Schema>;
