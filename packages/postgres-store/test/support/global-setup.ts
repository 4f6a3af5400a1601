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
  return () => postgres.dispose();
}
