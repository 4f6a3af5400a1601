import { agentSummaryWire } from '../analytics/wire/agents';
import { AGENT_EXPORT_COLUMNS } from '../exports/columns';
import { defineRoute, periodOf } from './define-route';
import { exportMedia, exportResult } from './export-response';
import { agentExportQuery } from './query';
import { commonErrors } from './responses';

/** `GET /api/agents/export`: every agent of the period, as CSV or JSON Lines. */
export const exportAgentsRoute = defineRoute({
  method: 'GET',
  path: '/api/agents/export',
  operationId: 'exportAgents',
  summary: 'Export agents',
  description:
    'The rows of GET /api/agents for the period, by calls descending, as a download. CSV has one column per field, tokens as tokens_input, tokens_output and tokens_total. Registered before GET /api/agents/{agent_name}, so an agent named "export" is read through the list.',
  tags: ['agents'],
  schemas: {
    query: agentExportQuery,
    response: { 200: agentSummaryWire, ...commonErrors },
    media: exportMedia(agentSummaryWire, AGENT_EXPORT_COLUMNS),
  },
  async handler({ dashboard, query }) {
    const asOf = await dashboard.analytics.getDataAsOf();
    const exported = await dashboard.analytics.exportAgents(periodOf(query));
    return exportResult(asOf, 'agents', exported, AGENT_EXPORT_COLUMNS, query.format);
  },
});
