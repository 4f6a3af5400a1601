import { healthWire } from '../analytics/wire/sync';
import type { SyncState } from '../store/sync-state';
import { defineRoute } from './define-route';
import { errorBody } from './responses';

/** `GET /health` (at the mount root): 200 when the store answers, 503 when it does not. */
export const healthRoute = defineRoute({
  method: 'GET',
  path: '/health',
  operationId: 'getHealth',
  summary: 'Health',
  description:
    '200 with the database (its state and engine) and sync state; 503 with the same shape when the store is unusable.',
  tags: ['health'],
  schemas: {
    response: { 200: healthWire, 503: healthWire, 401: errorBody, 403: errorBody, 500: errorBody },
  },
  async handler({ dashboard, logger }) {
    const { store, sync } = dashboard;
    const healthy = await store.ping().then(
      () => true,
      (error: unknown) => {
        (logger ?? console).error('Health check: the store is unavailable', error);
        return false;
      },
    );
    const state: SyncState | null = healthy ? await store.getSyncState().catch(() => null) : null;
    const running = sync?.isRunning ?? false;
    return {
      status: healthy ? 200 : 503,
      body: {
        status: healthy ? 'ok' : 'unavailable',
        time: new Date(dashboard.now()).toISOString(),
        database: { status: healthy ? 'ok' : 'unavailable', engine: store.engine ?? null },
        sync: {
          configured: sync !== null,
          status: state?.status ?? null,
          running,
          last_success_at:
            state?.lastSuccessAt == null ? null : new Date(state.lastSuccessAt).toISOString(),
        },
      },
    };
  },
});
