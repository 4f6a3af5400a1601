export { dashboardRoutes } from './dashboard-routes';
export { defineRoute } from './define-route';
export { ERROR_STATUS, errorResult } from './error-response';
export { type FieldError, RouteError, type RouteErrorCode } from './errors';
export { handleRoute } from './handle-route';
export { openApiDocument } from './openapi-default';
export {
  buildOpenApiDocument,
  type OpenApiDocument,
  type OpenApiDocumentOptions,
  openApiPath,
} from './openapi-document';
export { errorBody, validationErrorBody } from './responses';
export { primeStream } from './stream-body';
export type {
  AnyDashboardRoute,
  DashboardRoute,
  MetricsSource,
  RouteContext,
  RouteEnvironment,
  RouteInput,
  RouteLogger,
  RouteMethod,
  RouteResult,
  RouteSchemas,
} from './types';
