export {
  DashboardError,
  type DashboardErrorJSON,
  type DashboardErrorOptions,
  isDashboardError,
} from './dashboard-error';
