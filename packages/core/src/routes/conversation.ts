import { z } from 'zod';
import { conversationWire } from '../analytics/wire/conversation';
import { defineRoute } from './define-route';
import { RouteError } from './errors';
import { pathErrors } from './responses';

/** `GET /api/sessions/:session_id/conversation`: a session's messages, each once, in order. */
export const conversationRoute = defineRoute({
  method: 'GET',
  path: '/api/sessions/:session_id/conversation',
  operationId: 'getConversation',
  summary: 'Session conversation',
  description:
    'The messages of a session in order, each once, with role, agent, chapter, time, model, tokens, cost (USD) and latency (ms). 404 for an unknown session.',
  tags: ['sessions'],
  dataAsOf: true,
  schemas: {
    params: z.object({ session_id: z.string().min(1).describe('Session id') }),
    response: { 200: conversationWire, ...pathErrors },
  },
  async handler({ analytics, params }) {
    const body = await analytics.getConversation(params.session_id);
    if (body === null) throw new RouteError('NOT_FOUND', `Session not found: ${params.session_id}`);
    return { status: 200, body };
  },
});
