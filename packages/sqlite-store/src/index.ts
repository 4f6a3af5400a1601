export { createSqliteStore, type SqliteDashboardStore } from './create-sqlite-store';
export { MIGRATIONS } from './db/migrations';
export {
  DEFAULT_BUSY_TIMEOUT_MS,
  type SqliteStoreOptions,
  type SqliteStoreTarget,
} from './options';
export { LatencySketch } from './sketch';
