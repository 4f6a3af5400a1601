import { z } from 'zod';
import type { SessionScoreFilter } from '../store/session-score-filter';

/** A finite number parameter; an empty value counts as absent. */
function numberParam(name: string) {
  const message = `${name} must be a finite number, e.g. 0.5`;
  return z.preprocess(
    (value) => (value === '' ? undefined : value),
    z.coerce.number({ error: message }).refine(Number.isFinite, message).optional(),
  );
}

const NAME_MESSAGE = 'must be a single non-empty string of at most 200 characters';

/**
 * `score`, `score_min`, `score_max`, `score_value`: the session filter by a score (see
 * `SessionScoreFilter`), checked together by {@link withScoreFilterCheck}.
 */
export const scoreFilterShape = {
  score: z
    .string({ error: `score ${NAME_MESSAGE}` })
    .min(1, `score ${NAME_MESSAGE}`)
    .max(200, `score ${NAME_MESSAGE}`)
    .optional()
    .describe('Only sessions with a score of this name (on the session, a trace or a message)'),
  score_min: numberParam('score_min').describe(
    "With score: only sessions whose mean of that score is at least this (NUMERIC; for BOOLEAN the share of 'True', 0 to 1)",
  ),
  score_max: numberParam('score_max').describe(
    'With score: only sessions whose mean of that score is at most this',
  ),
  score_value: z
    .string({ error: `score_value ${NAME_MESSAGE}` })
    .min(1, `score_value ${NAME_MESSAGE}`)
    .max(200, `score_value ${NAME_MESSAGE}`)
    .optional()
    .describe(
      "With score: only sessions with a score of that name of this value (a category, or 'True' / 'False'); not with score_min or score_max",
    ),
};

type ScoreFilterQuery = {
  score?: string;
  score_min?: number;
  score_max?: number;
  score_value?: string;
};

/**
 * Adds the checks of a query holding {@link scoreFilterShape}: the bounds and the value need
 * `score`, a value does not go with a bound, and `score_min` may not exceed `score_max`.
 */
export function withScoreFilterCheck<T extends z.ZodObject<typeof scoreFilterShape>>(schema: T): T {
  return schema.superRefine((value, context) => {
    const query = value as ScoreFilterQuery;
    const bounded = query.score_min !== undefined || query.score_max !== undefined;
    if (query.score === undefined && (bounded || query.score_value !== undefined)) {
      context.addIssue({
        code: 'custom',
        path: ['score'],
        message: 'score_min, score_max and score_value need score (the score name)',
      });
    }
    if (query.score_value !== undefined && bounded) {
      context.addIssue({
        code: 'custom',
        path: ['score_value'],
        message: 'score_value does not go with score_min or score_max',
      });
    }
    if (
      typeof query.score_min === 'number' &&
      typeof query.score_max === 'number' &&
      query.score_min > query.score_max
    ) {
      context.addIssue({
        code: 'custom',
        path: ['score_max'],
        message: 'score_max must not be less than score_min',
      });
    }
  }) as T;
}

/** The store's score filter of a validated query; undefined without `score`. */
export function scoreFilterOf(query: ScoreFilterQuery): SessionScoreFilter | undefined {
  if (query.score === undefined) return undefined;
  const filter: SessionScoreFilter = { name: query.score };
  if (query.score_min !== undefined) filter.min = query.score_min;
  if (query.score_max !== undefined) filter.max = query.score_max;
  if (query.score_value !== undefined) filter.value = query.score_value;
  return filter;
}
