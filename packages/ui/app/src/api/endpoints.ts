import type {
  AgentChartsWire,
  AgentDetailWire,
  AgentListWire,
  ConversationWire,
  DashboardMetricsWire,
  ModelMetricsWire,
  SessionListWire,
  SessionStatsWire,
  SyncStatusWire,
  SyncTriggerWire,
} from '@cupid-dashboard/core';
import { browserTimeZone } from '../lib/time-zone';
import { type ApiResult, callApi, type QueryValues } from './client';

/** The period every analytics route takes: a named range, or a custom `from`–`to`. */
export interface PeriodParams {
  time_range?: string;
  from?: string;
  to?: string;
}

const segment = encodeURIComponent;

/**
 * The documented routes the page calls, typed by core's wire types. The two series routes get
 * the browser's zone as `tz`, so their day buckets start at the viewer's midnight, where the
 * charts (local time) draw them.
 */
export const api = {
  dashboard: (period: PeriodParams): Promise<ApiResult<DashboardMetricsWire>> =>
    callApi('GET', 'api/metrics/dashboard', { ...period, tz: browserTimeZone() }),
  models: (period: PeriodParams): Promise<ApiResult<ModelMetricsWire>> =>
    callApi('GET', 'api/metrics/models', { ...period }),
  sessions: (query: QueryValues): Promise<ApiResult<SessionListWire>> =>
    callApi('GET', 'api/sessions', query),
  sessionStats: (period: PeriodParams): Promise<ApiResult<SessionStatsWire>> =>
    callApi('GET', 'api/sessions/stats', { ...period }),
  conversation: (id: string): Promise<ApiResult<ConversationWire>> =>
    callApi('GET', `api/sessions/${segment(id)}/conversation`),
  agents: (period: PeriodParams): Promise<ApiResult<AgentListWire>> =>
    callApi('GET', 'api/agents', { ...period }),
  agent: (name: string, period: PeriodParams): Promise<ApiResult<AgentDetailWire>> =>
    callApi('GET', `api/agents/${segment(name)}`, { ...period }),
  agentCharts: (name: string, period: PeriodParams): Promise<ApiResult<AgentChartsWire>> =>
    callApi('GET', `api/agents/${segment(name)}/charts`, { ...period, tz: browserTimeZone() }),
  syncStatus: (): Promise<ApiResult<SyncStatusWire>> => callApi('GET', 'api/sync/status'),
  syncTrigger: (): Promise<ApiResult<SyncTriggerWire>> => callApi('POST', 'api/sync/trigger'),
};
