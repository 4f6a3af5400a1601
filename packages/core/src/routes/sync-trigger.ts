import { syncTriggerWire } from '../analytics/wire/sync';
import { SyncError } from '../sync/errors';
import { defineRoute } from './define-route';
import { RouteError } from './errors';
import { errorBody } from './responses';

/**
 * `POST /api/sync/trigger`: starts a run in the background or joins the one in progress; never
 * two at once (the sync service is single-flight). Answers 202 without waiting for the run, or
 * 409 `SYNC_LEASE_HELD` while another process (holding the store's lease) is syncing.
 */
export const syncTriggerRoute = defineRoute({
  method: 'POST',
  path: '/api/sync/trigger',
  operationId: 'triggerSync',
  summary: 'Trigger a sync',
  description:
    'Starts a sync run (202, started: true) or joins the one in progress (202, started: false). 403 when the dashboard is mounted read-only; 409 when it has no sync service (SYNC_NOT_CONFIGURED) or another process is syncing (SYNC_LEASE_HELD).',
  tags: ['sync'],
  schemas: {
    response: {
      202: syncTriggerWire,
      401: errorBody,
      403: errorBody,
      409: errorBody,
      500: errorBody,
      503: errorBody,
    },
  },
  async handler({ dashboard, readOnly, logger }) {
    if (readOnly) throw new RouteError('READ_ONLY', 'The dashboard is read-only');
    if (dashboard.sync === null) {
      throw new RouteError('SYNC_NOT_CONFIGURED', 'No sync service is configured');
    }
    // A run here would only find the lease taken and end at once: say so instead of "started".
    if (!dashboard.sync.isRunning && (await dashboard.sync.getStatus()).running) {
      throw new SyncError(
        'SYNC_LEASE_HELD',
        'Another process is syncing this store; try again when it has finished',
      );
    }
    const { started, run } = dashboard.sync.trigger();
    // The run settles later, never rejecting by contract; this only guards a broken implementation.
    run.catch((error: unknown) => (logger ?? console).error('Sync run failed', error));
    return {
      status: 202,
      body: {
        started,
        status: started ? 'started' : 'joined',
        detail: started ? 'Sync started' : 'A sync is already running; joined it',
      },
    };
  },
});
