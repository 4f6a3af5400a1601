import type { EpochMs } from '../domain/records';
import type { DashboardPreset } from '../presets/types';
import type { DashboardStore } from '../store/store';
import { exportPeriod, mapAsync } from './export-rows';
import { agentSummaryToWire } from './map-agents';
import { sessionRowToWire } from './map-sessions';
import { resolvePeriod } from './period';
import { scanSessions } from './scan-sessions';
import { WIRE_SESSION_SORT_MAP } from './session-sort';
import type { AnalyticsService } from './types';

/**
 * The export reads: rows read from the store a batch at a time as they are written out, so
 * outside any one snapshot (a download may take longer than a read transaction should live).
 */
export function analyticsExports(
  store: DashboardStore,
  preset: DashboardPreset,
  clock: () => EpochMs,
): Pick<AnalyticsService, 'exportSessions' | 'exportAgents'> {
  return {
    async exportSessions(query = {}) {
      const now = clock();
      const period = resolvePeriod(query, now);
      const rows = scanSessions(store, {
        range: period.range,
        status: query.status ?? 'all',
        ...(query.search === undefined ? {} : { search: query.search }),
        ...(query.userId === undefined ? {} : { userId: query.userId }),
        sort: WIRE_SESSION_SORT_MAP[query.sort ?? 'started_at'],
        order: query.order ?? 'desc',
        now,
      });
      return { ...exportPeriod(period, now), rows: mapAsync(rows, sessionRowToWire) };
    },

    async exportAgents(query = {}) {
      const now = clock();
      const period = resolvePeriod(query, now);
      const agents = await store.listAgents({ range: period.range });
      const rows = agents.map((agent) => agentSummaryToWire(agent, preset));
      return { ...exportPeriod(period, now), rows: mapAsync(rows, (row) => row) };
    },
  };
}
