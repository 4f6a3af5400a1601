import { z } from 'zod';
import { liveEventWires } from '../analytics/wire/events';
import { defineRoute } from './define-route';
import { RouteError } from './errors';
import { errorBody, validationErrorBody } from './responses';

const EVENTS = Object.keys(liveEventWires).join(', ');

/** The `Last-Event-ID` header, or the query's `last_event_id` for clients that cannot set headers. */
function lastEventIdOf(
  headers: Readonly<Record<string, string | string[] | undefined>>,
  query: string | undefined,
): string | undefined {
  const header = headers['last-event-id'];
  return (Array.isArray(header) ? header[0] : header) ?? query;
}

/**
 * `GET /api/events`: live updates as Server-Sent Events — `ready`, then `sync`, `progress`,
 * `data` (the data version changed: refetch), `heartbeat`, and `closing` at shutdown. A client
 * reconnecting with `Last-Event-ID` (or `?last_event_id=`) gets the events it missed. Answers
 * 503 `EVENTS_FULL` when the dashboard serves its maximum of clients, 404 when live events are off.
 */
export const eventsRoute = defineRoute({
  method: 'GET',
  path: '/api/events',
  operationId: 'streamEvents',
  summary: 'Live updates (Server-Sent Events)',
  description: `A text/event-stream of named events, each with a JSON data line: ${EVENTS}. \`ready\` comes first ({resumed, data_version, sync, heartbeat_ms}); \`sync\` carries the sync status (as GET /api/sync/status) when a run starts or finishes; \`progress\` ({phase, pages, records, updated_at}) each committed page; \`data\` ({data_version, time}) when the store's data version changed, so answers may have changed; \`heartbeat\` ({time}) every heartbeat_ms; \`closing\` ({reason}) before the server ends the stream at shutdown. Events other than \`ready\`, \`heartbeat\` and \`closing\` carry an id: reconnect with Last-Event-ID (or last_event_id) to receive the ones missed; when that id is unknown (another server process, or too old) \`ready\` says resumed: false and the client should refetch. 503 EVENTS_FULL when the server already serves its maximum of clients.`,
  tags: ['sync'],
  schemas: {
    query: z.object({
      last_event_id: z
        .string()
        .max(64)
        .optional()
        .describe('Resume after this event id, for clients that cannot send Last-Event-ID'),
    }),
    response: {
      200: z.string(),
      401: errorBody,
      403: errorBody,
      404: errorBody,
      422: validationErrorBody,
      500: errorBody,
      503: errorBody,
    },
    media: {
      200: {
        'text/event-stream': z
          .string()
          .describe(`Server-Sent Events: ${EVENTS}; data lines are JSON`),
      },
    },
  },
  async handler({ dashboard, query, headers }) {
    if (dashboard.events === null) {
      throw new RouteError('NOT_FOUND', 'Live events are turned off on this dashboard');
    }
    const stream = await dashboard.events.open(lastEventIdOf(headers, query.last_event_id));
    return {
      status: 200,
      body: null,
      headers: {
        'Content-Type': 'text/event-stream',
        'Cache-Control': 'no-cache, no-transform',
        // Proxies such as nginx would otherwise buffer the stream.
        'X-Accel-Buffering': 'no',
      },
      stream,
    };
  },
});
