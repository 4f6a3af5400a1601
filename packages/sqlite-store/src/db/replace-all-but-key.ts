// The store's upserts replace rows through here; the PostgreSQL store's do too.
export { replaceAllButKey } from '@cupid-dashboard/sql-store';
