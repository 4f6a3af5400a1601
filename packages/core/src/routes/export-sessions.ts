import { sessionRowWire } from '../analytics/wire/sessions';
import { SESSION_EXPORT_COLUMNS } from '../exports/columns';
import { defineRoute, sessionFiltersOf } from './define-route';
import { exportMedia, exportResult } from './export-response';
import { sessionExportQuery } from './query';
import { commonErrors } from './responses';

/** `GET /api/sessions/export`: every session the list's filters match, as CSV or JSON Lines. */
export const exportSessionsRoute = defineRoute({
  method: 'GET',
  path: '/api/sessions/export',
  operationId: 'exportSessions',
  summary: 'Export sessions',
  description:
    'Every session the filters of GET /api/sessions match, in its sort order, without pagination: streamed as it is read, so any number of rows can be downloaded. CSV has one column per list field, tokens as tokens_input, tokens_output and tokens_total. The file name in Content-Disposition holds the period.',
  tags: ['sessions'],
  schemas: {
    query: sessionExportQuery,
    response: { 200: sessionRowWire, ...commonErrors },
    media: exportMedia(sessionRowWire, SESSION_EXPORT_COLUMNS),
  },
  async handler({ dashboard, query }) {
    const asOf = await dashboard.analytics.getDataAsOf();
    const exported = await dashboard.analytics.exportSessions(sessionFiltersOf(query));
    return exportResult(asOf, 'sessions', exported, SESSION_EXPORT_COLUMNS, query.format);
  },
});
