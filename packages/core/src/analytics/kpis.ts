import type { DashboardKpis } from '../store/dashboard';
import type { KpiName, KpiWire } from './wire/metrics';
import { KPI_NAMES } from './wire/metrics';

/** The KPI values of one period, by wire name. */
function kpiValues(kpis: DashboardKpis): Record<KpiName, number | null> {
  return {
    sessions: kpis.sessions,
    users: kpis.users,
    traces: kpis.traces,
    observations: kpis.observations,
    generations: kpis.generations,
    total_cost: kpis.cost,
    input_tokens: kpis.tokens.input,
    output_tokens: kpis.tokens.output,
    total_tokens: kpis.tokens.total,
    errors: kpis.errors,
    error_rate: kpis.errorRate,
    avg_latency_ms: kpis.avgLatencyMs,
    p95_latency_ms: kpis.p95LatencyMs,
    avg_trace_latency_ms: kpis.avgTraceLatencyMs,
    completed_sessions: kpis.completedSessions,
    completion_rate: kpis.completionRate,
    avg_session_duration_ms: kpis.avgSessionDurationMs,
    avg_session_cost: kpis.avgSessionCost,
  };
}

/**
 * One KPI beside its previous value: `delta = value - previous`, `delta_pct` that change in
 * percent of `previous` (null when either is null or `previous` is 0, where a percentage says
 * nothing).
 *
 * @example
 * compareKpi(150, 100); // { value: 150, previous: 100, delta: 50, delta_pct: 50 }
 */
export function compareKpi(value: number | null, previous: number | null): KpiWire {
  if (value === null || previous === null) return { value, previous, delta: null, delta_pct: null };
  const delta = value - previous;
  return { value, previous, delta, delta_pct: previous === 0 ? null : (delta / previous) * 100 };
}

/** Every KPI of `current` beside `previous` (null: no previous period). */
export function compareKpis(
  current: DashboardKpis,
  previous: DashboardKpis | null,
): Record<KpiName, KpiWire> {
  const now = kpiValues(current);
  const before = previous === null ? null : kpiValues(previous);
  const result = {} as Record<KpiName, KpiWire>;
  for (const name of KPI_NAMES) result[name] = compareKpi(now[name], before?.[name] ?? null);
  return result;
}
