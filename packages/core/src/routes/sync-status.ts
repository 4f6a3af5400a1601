import { readSyncStatus } from '../analytics/read-sync-status';
import { syncStatusWire } from '../analytics/wire/sync';
import { defineRoute } from './define-route';
import { errorBody } from './responses';

/** `GET /api/sync/status`: the sync state machine, last run and live progress. */
export const syncStatusRoute = defineRoute({
  method: 'GET',
  path: '/api/sync/status',
  operationId: 'getSyncStatus',
  summary: 'Sync status',
  description:
    'The persisted sync state (idle, running, success, error, rate_limited), whether a run is in progress, the last run with counts and duration (ms), and live progress.',
  tags: ['sync'],
  schemas: {
    response: {
      200: syncStatusWire,
      401: errorBody,
      403: errorBody,
      500: errorBody,
      503: errorBody,
    },
  },
  async handler({ dashboard }) {
    return { status: 200, body: await readSyncStatus(dashboard.store, dashboard.sync) };
  },
});
