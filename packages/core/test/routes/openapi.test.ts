import { dashboardRoutes, handleRoute, openApiDocument, openApiPath } from '@cupid-dashboard/core';
import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { handMadeDashboard } from '../analytics/fixture';

type Operation = {
  operationId: string;
  parameters: { name: string; in: string; required: boolean }[];
  responses: Record<string, unknown>;
};
const document = openApiDocument(dashboardRoutes, { basePath: '/internal/dashboard' });
const operation = (path: string, method: string) =>
  document.paths[path]?.[method] as unknown as Operation;

describe('openApiDocument', () => {
  it('describes every route of the SPEC table plus the models, export, metrics, events and document routes', () => {
    const routes = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(routes.sort()).toEqual(
      [
        'GET /api/sessions',
        'GET /api/sessions/stats',
        'GET /api/sessions/export',
        'GET /api/agents/export',
        'GET /api/sessions/{session_id}/conversation',
        'GET /api/agents',
        'GET /api/agents/{agent_name}',
        'GET /api/agents/{agent_name}/charts',
        'GET /api/metrics/dashboard',
        'GET /api/metrics/models',
        'GET /api/scores',
        'GET /api/scores/{score_name}',
        'GET /api/sync/status',
        'POST /api/sync/trigger',
        'GET /health',
        'GET /metrics',
        'GET /api/events',
        'GET /api/openapi.json',
      ].sort(),
    );
    expect(document.openapi).toBe('3.1.0');
    expect(document.servers).toEqual([{ url: '/internal/dashboard' }]);
  });

  it('documents GET /metrics as Prometheus text, 404 when the host left it off', () => {
    const metrics = operation('/metrics', 'get') as Operation & {
      responses: Record<string, { content?: Record<string, unknown> }>;
    };
    expect(Object.keys(metrics.responses['200']?.content ?? {})).toEqual(['text/plain']);
    expect(metrics.responses['404']).toBeDefined();
  });

  it('documents GET /api/events as a text/event-stream naming every event, 503 when full', () => {
    const events = operation('/api/events', 'get') as Operation & {
      description: string;
      responses: Record<string, { content?: Record<string, unknown> }>;
    };
    expect(Object.keys(events.responses['200']?.content ?? {})).toEqual(['text/event-stream']);
    expect(events.responses['503']).toBeDefined();
    for (const name of ['ready', 'sync', 'progress', 'data', 'heartbeat', 'closing']) {
      expect(events.description).toContain(`\`${name}\``);
    }
    expect(events.description).toContain('Last-Event-ID');
    expect(events.parameters.map((parameter) => parameter.name)).toEqual(['last_event_id']);
  });

  it('lists path and query parameters with what is required', () => {
    const list = operation('/api/sessions', 'get');
    expect(list.parameters.map((parameter) => parameter.name)).toEqual([
      'time_range',
      'from',
      'to',
      'status',
      'search',
      'user_id',
      'score',
      'score_min',
      'score_max',
      'score_value',
      'sort',
      'order',
      'page',
      'limit',
      'If-None-Match',
    ]);
    expect(list.parameters.every((parameter) => !parameter.required)).toBe(true);
    expect(list.parameters.at(-1)).toMatchObject({ in: 'header', schema: { type: 'string' } });
    const limit = list.parameters.find((parameter) => parameter.name === 'limit');
    expect(limit).toMatchObject({
      schema: { type: 'integer', minimum: 1, maximum: 200, default: 50 },
    });
    const charts = operation('/api/agents/{agent_name}/charts', 'get');
    expect(charts.parameters[0]).toMatchObject({ name: 'agent_name', in: 'path', required: true });
  });

  it('documents success and error responses with X-Data-As-Of, ETag and 304 on analytics answers', () => {
    const conversation = operation('/api/sessions/{session_id}/conversation', 'get');
    expect(Object.keys(conversation.responses).sort()).toEqual([
      '200',
      '304',
      '400',
      '401',
      '403',
      '404',
      '422',
      '429',
      '500',
      '503',
    ]);
    expect(conversation.responses['200']).toMatchObject({
      headers: { 'X-Data-As-Of': expect.any(Object), ETag: expect.any(Object) },
    });
    expect(conversation.responses['304']).toMatchObject({ headers: { ETag: expect.any(Object) } });
    expect(conversation.responses['304']).not.toHaveProperty('content');
    const trigger = operation('/api/sync/trigger', 'post');
    expect(Object.keys(trigger.responses).sort()).toEqual([
      '202',
      '401',
      '403',
      '409',
      '429',
      '500',
      '503',
    ]);
    // Every route documents the 429 an adapter's rate limit answers, with its Retry-After.
    expect(trigger.responses['429']).toMatchObject({
      headers: { 'Retry-After': expect.any(Object) },
    });
    expect(openApiPath('/a/:b/c/:d_e')).toBe('/a/{b}/c/{d_e}');
    expect(openApiDocument()).toMatchObject({ servers: [{ url: '/' }], paths: document.paths });
  });

  it('is served by its route with the mount path as server', async () => {
    const dashboard = await handMadeDashboard();
    const route = dashboardRoutes.find(
      (candidate) => candidate.operationId === 'getOpenApiDocument',
    );
    if (!route) throw new Error('no openapi route');
    const result = await handleRoute(route, {}, { dashboard, basePath: '/x' });
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ openapi: '3.1.0', servers: [{ url: '/x' }] });
  });

  it('is a valid OpenAPI 3.1 document', async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(document));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });
});
