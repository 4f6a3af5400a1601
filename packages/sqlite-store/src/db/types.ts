import type { Kysely } from 'kysely';
import type { StoreSchema } from './schema';

/** A Kysely handle on the store's schema: the database, a connection or a transaction. */
export type Db = Kysely<StoreSchema>;
