import { z } from 'zod';
import { errorBody, STATUS_DESCRIPTIONS } from './responses';
import type { AnyDashboardRoute } from './types';

/** A JSON Schema or OpenAPI fragment. */
type Json = Record<string, unknown>;

/** Options of {@link openApiDocument}. */
export interface OpenApiDocumentOptions {
  /** Default `'Cupid Dashboard API'`. */
  title?: string;
  /** Default `'1.0.0'`. */
  version?: string;
  /** The mount path the routes are served under, e.g. `/internal/dashboard`. Default `''` (root). */
  basePath?: string;
}

/** `/api/agents/:agent_name` → `/api/agents/{agent_name}`. */
export function openApiPath(path: string): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Json {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, {
    io,
    unrepresentable: 'any',
  }) as Json;
  return rest;
}

function parameters(schema: z.ZodType | undefined, location: 'path' | 'query'): Json[] {
  if (!(schema instanceof z.ZodObject)) return [];
  return Object.entries(schema.shape as Record<string, z.ZodType>).map(([name, field]) => {
    const { description, ...fieldSchema } = jsonSchema(field, 'input');
    const parameter: Json = {
      name,
      in: location,
      required: location === 'path' || !field.safeParse(undefined).success,
      schema: fieldSchema,
    };
    if (description !== undefined) parameter.description = description;
    return parameter;
  });
}

/** The headers of an answer read from a data snapshot. */
const SNAPSHOT_HEADERS = {
  'X-Data-As-Of': {
    description:
      'When the data was last synced successfully (ISO-8601 UTC); absent before the first sync',
    schema: { type: 'string', format: 'date-time' },
  },
  ETag: {
    description:
      "Strong tag of this answer: the route, its normalised query, the minute and the store's data version. Absent when the host turned the answer cache off",
    schema: { type: 'string' },
  },
  'Cache-Control': {
    description: '`private, no-cache`: keep the answer, but revalidate it with If-None-Match',
    schema: { type: 'string' },
  },
} as const;

/** `If-None-Match`: a tag from an earlier answer; 304 while it still names the current answer. */
const IF_NONE_MATCH: Json = {
  name: 'If-None-Match',
  in: 'header',
  required: false,
  description:
    'ETag of an answer held by the client: answered 304 with no body while the data and the minute are unchanged',
  schema: { type: 'string' },
};

/**
 * 429, on every route: an adapter may limit requests per client (the Express adapter's
 * `rateLimit` option), and a client should know the answer's shape either way.
 */
const RATE_LIMITED_RESPONSE: Json = {
  description: STATUS_DESCRIPTIONS[429],
  headers: {
    'Retry-After': {
      description:
        'Seconds to wait before sending again (always sent by the rate limit; by Langfuse when it said)',
      schema: { type: 'integer', minimum: 1 },
    },
  },
  content: { 'application/json': { schema: jsonSchema(errorBody, 'output') } },
};

function operation(route: AnyDashboardRoute): Json {
  const responses: Json = {};
  for (const [status, schema] of Object.entries(route.schemas.response)) {
    const media = route.schemas.media?.[Number(status)] ?? { 'application/json': schema };
    const content: Json = {};
    for (const [type, body] of Object.entries(media)) {
      content[type] = { schema: jsonSchema(body, 'output') };
    }
    const response: Json = {
      description: STATUS_DESCRIPTIONS[Number(status)] ?? `HTTP ${status}`,
      content,
    };
    if (route.dataAsOf && status.startsWith('2')) response.headers = SNAPSHOT_HEADERS;
    responses[status] = response;
  }
  responses['429'] = RATE_LIMITED_RESPONSE;
  if (route.dataAsOf) {
    responses['304'] = {
      description: STATUS_DESCRIPTIONS[304],
      headers: { ETag: SNAPSHOT_HEADERS.ETag, 'X-Data-As-Of': SNAPSHOT_HEADERS['X-Data-As-Of'] },
    };
  }
  const result: Json = {
    operationId: route.operationId,
    summary: route.summary,
    tags: route.tags,
    parameters: [
      ...parameters(route.schemas.params, 'path'),
      ...parameters(route.schemas.query, 'query'),
      ...(route.dataAsOf ? [IF_NONE_MATCH] : []),
    ],
    responses,
  };
  if (route.description !== undefined) result.description = route.description;
  if (route.schemas.body !== undefined) {
    result.requestBody = {
      required: true,
      content: { 'application/json': { schema: jsonSchema(route.schemas.body, 'input') } },
    };
  }
  return result;
}

/** An OpenAPI 3.1 document. */
export type OpenApiDocument = Json & { paths: Record<string, Record<string, Json>> };

/**
 * The OpenAPI 3.1 document of a route table, generated from the same zod schemas that validate
 * requests (input view) and describe responses (output view). Paths are relative to `basePath`,
 * which becomes the document's server URL. `openApiDocument` applies it to `dashboardRoutes`.
 *
 * @example
 * const document = buildOpenApiDocument([...dashboardRoutes, myRoute], { title: 'My API' });
 */
export function buildOpenApiDocument(
  routes: readonly AnyDashboardRoute[],
  options: OpenApiDocumentOptions = {},
): OpenApiDocument {
  const paths: Record<string, Record<string, Json>> = {};
  for (const route of routes) {
    const path = openApiPath(route.path);
    paths[path] ??= {};
    paths[path][route.method.toLowerCase()] = operation(route);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: options.title ?? 'Cupid Dashboard API',
      version: options.version ?? '1.0.0',
      description:
        'Analytics over LLM traces synced from Langfuse. JSON keys are snake_case; times are ISO-8601 UTC strings; durations and latencies are milliseconds (fields ending in _ms); every field ending in cost is US dollars.',
    },
    servers: [
      { url: options.basePath === undefined || options.basePath === '' ? '/' : options.basePath },
    ],
    tags: [...new Set(routes.flatMap((route) => route.tags))].map((name) => ({ name })),
    paths,
  };
}
