export { createDashboard } from './create-dashboard';
export type { Dashboard, DashboardOptions } from './types';
