import { z } from 'zod';
import {
  funnelStepWire,
  isoTime,
  nullableMs,
  periodWire,
  timeRangeWire,
  tokensWire,
} from './common';
import { sessionScoreSummaryWire } from './scores';

/** The session statuses on the wire. */
export const sessionStatusWire = z.enum(['completed', 'active', 'abandoned', 'error']);

/** One row of the session list. */
export const sessionRowWire = z.object({
  id: z.string().describe('Session id'),
  user_id: z.string().nullable(),
  started_at: isoTime,
  last_activity: isoTime,
  duration_ms: z.number().describe('last_activity - started_at, milliseconds'),
  trace_count: z.number().int(),
  generation_count: z.number().int(),
  observation_count: z.number().int(),
  chapter_reached: z.number().int().nullable(),
  chapter_name: z.string().nullable(),
  status: sessionStatusWire,
  total_cost: z.number().describe('USD'),
  tokens: tokensWire,
  error_count: z.number().int(),
});

/** Page metadata: `total_pages` is ceil(total / limit), 0 for an empty result. */
export const paginationWire = z.object({
  page: z.number().int(),
  limit: z.number().int(),
  total: z.number().int(),
  total_pages: z.number().int(),
});

/** A row of the session list: the row plus its scores by name (the export leaves them out). */
export const sessionListRowWire = sessionRowWire.extend({
  scores: z
    .array(sessionScoreSummaryWire)
    .describe("The session's scores at any time, one entry per name, by name"),
});

/** `GET /api/sessions`. */
export const sessionListWire = z.object({
  sessions: z.array(sessionListRowWire),
  pagination: paginationWire,
});

/** `GET /api/sessions/stats`. */
export const sessionStatsWire = z.object({
  time_range: timeRangeWire,
  period: periodWire,
  total_sessions: z.number().int(),
  by_status: z.object({
    completed: z.number().int(),
    active: z.number().int(),
    abandoned: z.number().int(),
    error: z.number().int(),
  }),
  completion_rate: z.number().describe('completed / total, 0 to 1'),
  avg_duration_ms: nullableMs,
  median_duration_ms: nullableMs,
  total_cost: z.number().describe('USD'),
  tokens: tokensWire,
  unique_users: z.number().int(),
  chapter_funnel: z.array(funnelStepWire),
});

export type SessionRowWire = z.infer<typeof sessionRowWire>;
export type SessionListRowWire = z.infer<typeof sessionListRowWire>;
export type SessionListWire = z.infer<typeof sessionListWire>;
export type SessionStatsWire = z.infer<typeof sessionStatsWire>;
