export { DEFAULT_CORS_ORIGINS } from './cors';
export type { AuthOption } from './guards';
export type { MetricsOptions } from './metrics/options';
export { type DashboardRouterOptions, dashboardRouter } from './router';
