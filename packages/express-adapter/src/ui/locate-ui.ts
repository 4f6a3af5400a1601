import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { DashboardError } from '@cupid-dashboard/core';

/** The built UI: its folder (holding `assets/`) and its page. */
export interface UiFiles {
  dir: string;
  indexHtml: string;
}

/** Resolves a module path as `require.resolve` does; replaceable in tests. */
export type ResolveModule = (specifier: string) => string;

const isNotFound = (error: unknown) =>
  (error as NodeJS.ErrnoException | undefined)?.code === 'MODULE_NOT_FOUND';

/**
 * Finds the files of `@cupid-dashboard/ui` (an optional peer of this adapter) through the
 * package's own exports. Throws `DASHBOARD_CONFIG` saying what to do when the package is not
 * installed, or is installed but not built (a workspace checkout before `npm run build`).
 */
export function locateUi(resolve: ResolveModule = createRequire(import.meta.url).resolve): UiFiles {
  try {
    resolve('@cupid-dashboard/ui/package.json');
  } catch (error) {
    if (!isNotFound(error)) throw error;
    throw new DashboardError(
      'DASHBOARD_CONFIG',
      'ui: true needs the @cupid-dashboard/ui package: npm install @cupid-dashboard/ui',
    );
  }
  let index: string;
  try {
    index = resolve('@cupid-dashboard/ui/app/index.html');
  } catch (error) {
    if (!isNotFound(error)) throw error;
    throw new DashboardError(
      'DASHBOARD_CONFIG',
      '@cupid-dashboard/ui is installed but has no built app (dist/app/index.html): run npm run build in it',
    );
  }
  return { dir: dirname(index), indexHtml: readFileSync(index, 'utf8') };
}
