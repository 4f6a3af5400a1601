export {
  createPostgresStore,
  type PostgresDashboardStore,
} from './create-postgres-store';
export { MIGRATIONS } from './db/migrations';
export type { PostgresConnection, PostgresStoreOptions } from './options';
