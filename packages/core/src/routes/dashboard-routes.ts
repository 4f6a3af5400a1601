import { agentChartsRoute } from './agent-charts';
import { agentDetailRoute } from './agent-detail';
import { conversationRoute } from './conversation';
import { dashboardMetricsRoute } from './dashboard-metrics';
import { eventsRoute } from './events';
import { exportAgentsRoute } from './export-agents';
import { exportSessionsRoute } from './export-sessions';
import { healthRoute } from './health';
import { listAgentsRoute } from './list-agents';
import { listScoresRoute } from './list-scores';
import { listSessionsRoute } from './list-sessions';
import { metricsRoute } from './metrics';
import { modelMetricsRoute } from './model-metrics';
import { openApiRoute } from './openapi';
import { scoreDetailRoute } from './score-detail';
import { sessionStatsRoute } from './session-stats';
import { syncStatusRoute } from './sync-status';
import { syncTriggerRoute } from './sync-trigger';
import type { AnyDashboardRoute } from './types';

/**
 * Every REST route of the dashboard, in registration order (`/api/sessions/stats` and the exports
 * before the parameterised routes, which is also what a first-match router needs).
 *
 * @example
 * for (const route of dashboardRoutes) router[route.method.toLowerCase()](route.path, ...);
 */
export const dashboardRoutes: readonly AnyDashboardRoute[] = Object.freeze([
  listSessionsRoute,
  sessionStatsRoute,
  exportSessionsRoute,
  conversationRoute,
  listAgentsRoute,
  exportAgentsRoute,
  agentDetailRoute,
  agentChartsRoute,
  dashboardMetricsRoute,
  modelMetricsRoute,
  listScoresRoute,
  scoreDetailRoute,
  syncStatusRoute,
  syncTriggerRoute,
  eventsRoute,
  healthRoute,
  metricsRoute,
  openApiRoute,
]);
