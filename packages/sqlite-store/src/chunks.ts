// The store's modules slice their `IN` lists and inserts through here; shared with PostgreSQL's.
export { chunks } from '@cupid-dashboard/sql-store';
