import { z } from 'zod';
import { defineRoute } from './define-route';
import { buildOpenApiDocument } from './openapi-document';
import { errorBody } from './responses';

/** `GET /api/openapi.json`: the OpenAPI 3.1 document of the dashboard's routes. */
export const openApiRoute = defineRoute({
  method: 'GET',
  path: '/api/openapi.json',
  operationId: 'getOpenApiDocument',
  summary: 'OpenAPI document',
  description: 'This API described as OpenAPI 3.1, generated from the schemas that validate it.',
  tags: ['meta'],
  schemas: {
    response: {
      200: z.object({ openapi: z.string() }).catchall(z.unknown()),
      401: errorBody,
      403: errorBody,
      500: errorBody,
    },
  },
  async handler({ dashboard, basePath }) {
    return {
      status: 200,
      body: buildOpenApiDocument(dashboard.routes, { basePath: basePath ?? '' }),
    };
  },
});
