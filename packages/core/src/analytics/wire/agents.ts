import { z } from 'zod';
import {
  isoTime,
  modelUsageWire,
  nullableMs,
  periodWire,
  timeRangeWire,
  tokensWire,
} from './common';

/** One agent (observation name). Latencies in ms, nearest-rank percentiles. */
export const agentSummaryWire = z.object({
  name: z.string(),
  category: z.string().describe("From the preset; 'other' for unknown agents"),
  chapter: z.number().int().nullable().describe('Chapter the agent plays in, from the preset'),
  chapter_name: z.string().nullable(),
  calls: z.number().int(),
  sessions: z.number().int(),
  errors: z.number().int(),
  error_rate: z.number().describe('errors / calls, 0 to 1'),
  avg_latency_ms: nullableMs,
  p50_latency_ms: nullableMs,
  p95_latency_ms: nullableMs,
  p99_latency_ms: nullableMs,
  total_cost: z.number().describe('USD'),
  tokens: tokensWire,
  last_seen: isoTime.nullable(),
});

/** `GET /api/agents`. */
export const agentListWire = z.object({
  time_range: timeRangeWire,
  period: periodWire,
  agents: z.array(agentSummaryWire),
});

/** An `ERROR` observation of the agent. */
export const agentErrorWire = z.object({
  observation_id: z.string(),
  trace_id: z.string().nullable(),
  session_id: z.string().nullable(),
  time: isoTime,
  message: z.string().nullable(),
  model: z.string().nullable(),
});

/** `GET /api/agents/{agent_name}`. */
export const agentDetailWire = agentSummaryWire.extend({
  time_range: timeRangeWire,
  period: periodWire,
  models: z.array(modelUsageWire),
  recent_errors: z.array(agentErrorWire),
});

/** One bucket of an agent's series. */
export const agentPointWire = z.object({
  bucket_start: isoTime,
  calls: z.number().int(),
  errors: z.number().int(),
  latency_p50_ms: nullableMs,
  latency_p95_ms: nullableMs,
  cost: z.number().describe('USD'),
  tokens: tokensWire,
});

/** `GET /api/agents/{agent_name}/charts`. */
export const agentChartsWire = z.object({
  agent: z.string(),
  time_range: timeRangeWire,
  period: periodWire,
  bucket: z.enum(['hour', 'day']),
  time_zone: z.string().describe('The IANA zone the buckets start in (the tz asked for)'),
  points: z.array(agentPointWire),
});

export type AgentSummaryWire = z.infer<typeof agentSummaryWire>;
export type AgentListWire = z.infer<typeof agentListWire>;
export type AgentDetailWire = z.infer<typeof agentDetailWire>;
export type AgentChartsWire = z.infer<typeof agentChartsWire>;
