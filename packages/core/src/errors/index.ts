export {
  DashboardError,
  type DashboardErrorJSON,
  type DashboardErrorOptions,
} from './dashboard-error';
