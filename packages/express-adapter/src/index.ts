export { DEFAULT_CORS_ORIGINS } from './cors';
export type { AuthOption } from './guards';
export type { MetricsOptions } from './metrics/options';
export { DEFAULT_RATE_LIMIT_WINDOW_MS, type RateLimitOption } from './rate-limit';
export { type DashboardRouterOptions, dashboardRouter } from './router';
