import type { Kysely, Transaction } from 'kysely';
import type { StoreSchema } from './schema';

/** The store's database handle, already bound to its schema; a transaction is one too. */
export type Db = Kysely<StoreSchema> | Transaction<StoreSchema>;
