// The store's modules read numbers through here; the conversion is shared with the SQLite store.
export { toNumber, toNumberOrNull } from '@cupid-dashboard/sql-store';
