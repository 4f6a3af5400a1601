import { createRequire } from 'node:module';
import type { TestProject } from 'vitest/node';
import { startTestPostgres } from './embedded-postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Connection string of the PostgreSQL server the test run started. */
    postgresUrl: string;
  }
}

/** Starts one PostgreSQL server for the whole run; every test file gets its URL by `inject`. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const postgres = await startTestPostgres();
  project.provide('postgresUrl', postgres.url);
  return async () => {
    await postgres.dispose();
    releaseExitHooks();
  };
}

/** The part of async-exit-hook (a dependency of embedded-postgres) that lets its hooks go. */
interface ExitHooks {
  hookedEvents(): string[];
  unhookEvent(event: string): void;
}

/**
 * Removes the exit hooks embedded-postgres registers to stop its servers when a process ends. Ours
 * is stopped by now, and its `beforeExit` hook calls `process.exit(0)`, which would replace the
 * failing exit code Vitest sets when a test failed.
 */
function releaseExitHooks(): void {
  const hooks = createRequire(import.meta.url)('async-exit-hook') as ExitHooks;
  for (const event of hooks.hookedEvents()) hooks.unhookEvent(event);
}
