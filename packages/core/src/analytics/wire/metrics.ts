import { z } from 'zod';
import { agentSummaryWire } from './agents';
import {
  funnelStepWire,
  isoTime,
  modelUsageWire,
  nullableMs,
  periodWire,
  timeRangeWire,
  tokensWire,
} from './common';

/**
 * One KPI beside the previous period of the same length. `previous`, `delta` and `delta_pct`
 * are null for `time_range=all` (no previous period) or when a value is null; `delta_pct` is
 * also null when the previous value is 0.
 */
export const kpiWire = z.object({
  value: z.number().nullable(),
  previous: z.number().nullable(),
  delta: z.number().nullable().describe('value - previous'),
  delta_pct: z.number().nullable().describe('(value - previous) / previous * 100'),
});

/**
 * A headline score of the preset: how many scores of the name the period has, and their mean
 * (for a BOOLEAN score the share of 'True'), each beside the previous period.
 */
export const headlineScoreWire = z.object({
  name: z.string(),
  count: kpiWire,
  mean: kpiWire,
});

/** The names of the dashboard KPIs, in display order. */
export const KPI_NAMES = [
  'sessions',
  'users',
  'traces',
  'observations',
  'generations',
  'total_cost',
  'input_tokens',
  'output_tokens',
  'total_tokens',
  'errors',
  'error_rate',
  'avg_latency_ms',
  'p95_latency_ms',
  'avg_trace_latency_ms',
  'completed_sessions',
  'completion_rate',
  'avg_session_duration_ms',
  'avg_session_cost',
] as const;

/** A KPI name. */
export type KpiName = (typeof KPI_NAMES)[number];

const kpisShape = Object.fromEntries(KPI_NAMES.map((name) => [name, kpiWire])) as Record<
  KpiName,
  typeof kpiWire
>;

/** One bucket of the dashboard series. */
export const dashboardPointWire = z.object({
  bucket_start: isoTime,
  sessions: z.number().int(),
  traces: z.number().int(),
  observations: z.number().int(),
  generations: z.number().int(),
  errors: z.number().int(),
  cost: z.number().describe('USD'),
  tokens: tokensWire,
  avg_latency_ms: nullableMs,
  p50_latency_ms: nullableMs,
  p95_latency_ms: nullableMs,
});

/** `GET /api/metrics/dashboard`. */
export const dashboardMetricsWire = z.object({
  time_range: timeRangeWire,
  period: periodWire,
  previous_period: periodWire.nullable(),
  bucket: z.enum(['hour', 'day']),
  time_zone: z.string().describe('The IANA zone the buckets start in (the tz asked for)'),
  kpis: z.object(kpisShape),
  time_series: z.array(dashboardPointWire),
  top_agents: z.array(agentSummaryWire),
  cost_by_model: z.array(modelUsageWire),
  chapter_funnel: z.array(funnelStepWire),
  scores: z
    .array(headlineScoreWire)
    .describe("The preset's headline scores (headlineScores), in its order; empty without any"),
});

/** `GET /api/metrics/models`. */
export const modelMetricsWire = z.object({
  time_range: timeRangeWire,
  period: periodWire,
  total_cost: z.number().describe('USD'),
  tokens: tokensWire,
  models: z.array(modelUsageWire),
});

export type KpiWire = z.infer<typeof kpiWire>;
export type HeadlineScoreWire = z.infer<typeof headlineScoreWire>;
export type DashboardMetricsWire = z.infer<typeof dashboardMetricsWire>;
export type ModelMetricsWire = z.infer<typeof modelMetricsWire>;
