import { dashboardRoutes } from './dashboard-routes';
import {
  buildOpenApiDocument,
  type OpenApiDocument,
  type OpenApiDocumentOptions,
} from './openapi-document';
import type { AnyDashboardRoute } from './types';

/**
 * The OpenAPI 3.1 document of the dashboard's routes (or of `routes`), as `GET /api/openapi.json`
 * serves it.
 *
 * @param routes default `dashboardRoutes`
 * @param options `title`, `version`, `basePath` (default `''`: the server URL is `/`)
 * @example
 * writeFileSync('openapi.json', JSON.stringify(openApiDocument()));
 * openApiDocument(dashboardRoutes, { basePath: '/internal/dashboard' }).servers; // [{ url: '/internal/dashboard' }]
 */
export function openApiDocument(
  routes: readonly AnyDashboardRoute[] = dashboardRoutes,
  options: OpenApiDocumentOptions = {},
): OpenApiDocument {
  return buildOpenApiDocument(routes, options);
}
