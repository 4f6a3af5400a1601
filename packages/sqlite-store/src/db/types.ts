import type { Kysely } from 'kysely';
import type { StoreSchema } from './schema';

/** A Kysely handle on the store's schema: the database, a connection or a transaction. */
export type Db = Kysely<StoreSchema>;

/** The two rollup granularities and their tables. */
export const ROLLUP_TABLES = { hour: 'rollup_hour', day: 'rollup_day' } as const;
export const AGENT_SESSION_TABLES = {
  hour: 'agent_sessions_hour',
  day: 'agent_sessions_day',
} as const;
export const TRACE_TABLES = { hour: 'trace_hour', day: 'trace_day' } as const;
