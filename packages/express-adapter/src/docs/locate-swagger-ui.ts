import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { DashboardError } from '@cupid-dashboard/core';
import type { ResolveModule } from '../ui/locate-ui';

/**
 * The folder of `swagger-ui-dist` (an optional peer of this adapter), holding the files the docs
 * page loads. Throws `DASHBOARD_CONFIG` saying what to install when it is missing.
 */
export function locateSwaggerUi(
  resolve: ResolveModule = createRequire(import.meta.url).resolve,
): string {
  try {
    return dirname(resolve('swagger-ui-dist/package.json'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException | undefined)?.code !== 'MODULE_NOT_FOUND') throw error;
    throw new DashboardError(
      'DASHBOARD_CONFIG',
      'docs: true needs the swagger-ui-dist package: npm install swagger-ui-dist',
    );
  }
}
