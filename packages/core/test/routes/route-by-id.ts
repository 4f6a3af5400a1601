import { type AnyDashboardRoute, dashboardRoutes } from '@cupid-dashboard/core';

/** The dashboard route with this operationId; throws for an unknown one. */
export function routeById(operationId: string): AnyDashboardRoute {
  const found = dashboardRoutes.find((candidate) => candidate.operationId === operationId);
  if (!found) throw new Error(`no route ${operationId}`);
  return found;
}
