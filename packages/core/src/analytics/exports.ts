import type { EpochMs } from '../domain/records';
import type { DashboardPreset } from '../presets/types';
import type { DashboardStore } from '../store/store';
import { exportPeriod, mapAsync } from './export-rows';
import { agentSummaryToWire } from './map-agents';
import { sessionRowToWire } from './map-sessions';
import { resolvePeriod } from './period';
import { scanSessions } from './scan-sessions';
import { storeSessionFilters } from './session-filters';
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
      const rows = scanSessions(store, storeSessionFilters(query, period.range, now));
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
