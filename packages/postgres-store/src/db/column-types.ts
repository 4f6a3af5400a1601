import type { ColumnTypes } from '@cupid-dashboard/sql-store';
import { sql } from 'kysely';

/** Every id and name column sorts by code unit (`COLLATE "C"`), the order the other stores use. */
export const text = sql`text collate "C"`;

/** The shared tables' column types, for the migrations' shared builders. */
export const TYPES: ColumnTypes = {
  key: text,
  time: 'bigint',
  int: 'integer',
  real: 'float8',
};
