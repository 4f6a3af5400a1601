import { z } from 'zod';
import { isoTime, periodWire, timeRangeWire } from './common';

/** The score data types on the wire. */
export const scoreDataTypeWire = z.enum(['NUMERIC', 'BOOLEAN', 'CATEGORICAL']);

/** Who gave a score: the app (API), an evaluator (EVAL) or a person (ANNOTATION). */
export const scoreSourceWire = z.enum(['API', 'EVAL', 'ANNOTATION']);

/** How many scores had one BOOLEAN (`True`/`False`) or CATEGORICAL value. */
export const scoreValueCountWire = z.object({ value: z.string(), count: z.number().int() });

/**
 * Statistics of some scores of one name. `mean` is over the scores with a number (for a BOOLEAN
 * score the share of `True`, 0 to 1; null for CATEGORICAL); `p50`/`p95` are nearest-rank over
 * NUMERIC values (within 1% relative); `values` count BOOLEAN and CATEGORICAL values, by count
 * descending.
 */
export const scoreStatsWire = z.object({
  count: z.number().int(),
  mean: z.number().nullable(),
  p50: z.number().nullable(),
  p95: z.number().nullable(),
  values: z.array(scoreValueCountWire),
});

/** One score name over the period, beside the previous period of the same length. */
export const scoreSummaryWire = scoreStatsWire.extend({
  name: z.string(),
  data_type: scoreDataTypeWire.describe('The data type most of its scores have'),
  sources: z.array(scoreSourceWire).describe('Distinct sources, alphabetical'),
  previous: scoreStatsWire
    .nullable()
    .describe('The same statistics over the previous period; null for time_range=all'),
});

/** `GET /api/scores`. */
export const scoreListWire = z.object({
  time_range: timeRangeWire,
  period: periodWire,
  previous_period: periodWire.nullable(),
  scores: z.array(scoreSummaryWire).describe('Every name with a score in either period, by name'),
});

/** One bucket of a score's series, zero-filled. */
export const scorePointWire = z.object({
  bucket_start: isoTime,
  count: z.number().int(),
  mean: z.number().nullable(),
  values: z.array(scoreValueCountWire),
});

/** One bar of a numeric score's histogram: `[from, to)`, the last bar closed. */
export const scoreHistogramBinWire = z.object({
  from: z.number(),
  to: z.number(),
  count: z.number().int(),
});

const breakdownShape = { count: z.number().int(), mean: z.number().nullable() };

/** `GET /api/scores/{score_name}`. */
export const scoreDetailWire = z.object({
  name: z.string(),
  data_type: scoreDataTypeWire,
  sources: z.array(scoreSourceWire),
  time_range: timeRangeWire,
  period: periodWire,
  bucket: z.enum(['hour', 'day']),
  time_zone: z.string().describe('The IANA zone the buckets start in (the tz asked for)'),
  summary: scoreStatsWire,
  series: z.array(scorePointWire),
  distribution: z.object({
    histogram: z
      .array(scoreHistogramBinWire)
      .describe('NUMERIC values in ten equal bars from the lowest to the highest; else empty'),
    values: z.array(scoreValueCountWire).describe('BOOLEAN and CATEGORICAL values; else empty'),
  }),
  by_agent: z
    .array(z.object({ agent: z.string(), ...breakdownShape }))
    .describe('Scores on an observation, by its name; count descending'),
  by_model: z
    .array(z.object({ model: z.string(), ...breakdownShape }))
    .describe('Scores on an observation with a model, by model; count descending'),
  lowest_sessions: z
    .array(z.object({ session_id: z.string(), count: z.number().int(), mean: z.number() }))
    .describe('Sessions by their mean of this score, lowest first (scores with a number only)'),
});

/** One score name over one session's scores, as a session row carries it. */
export const sessionScoreSummaryWire = z.object({
  name: z.string(),
  data_type: scoreDataTypeWire,
  count: z.number().int(),
  mean: z.number().nullable().describe('Over the scores with a number; null for CATEGORICAL'),
  values: z.array(scoreValueCountWire),
});

/** One score of a conversation's session. */
export const conversationScoreWire = z.object({
  id: z.string(),
  name: z.string(),
  data_type: scoreDataTypeWire,
  value: z.number().nullable().describe('NUMERIC value, 1/0 for BOOLEAN, null for CATEGORICAL'),
  string_value: z.string().nullable().describe("'True'/'False' for BOOLEAN, the category"),
  source: scoreSourceWire,
  trace_id: z.string().nullable(),
  observation_id: z
    .string()
    .nullable()
    .describe("The message's observation_id when it judges one generation"),
  time: isoTime,
  comment: z.string().nullable(),
});

export type ScoreStatsWire = z.infer<typeof scoreStatsWire>;
export type ScoreSummaryWire = z.infer<typeof scoreSummaryWire>;
export type ScoreListWire = z.infer<typeof scoreListWire>;
export type ScoreDetailWire = z.infer<typeof scoreDetailWire>;
export type SessionScoreSummaryWire = z.infer<typeof sessionScoreSummaryWire>;
export type ConversationScoreWire = z.infer<typeof conversationScoreWire>;
