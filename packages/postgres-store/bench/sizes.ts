import { type Kysely, sql } from 'kysely';

/** One table's size on disk: heap (with TOAST) and its indexes, bytes. */
export interface RelationSize {
  table: string;
  tableBytes: number;
  indexBytes: number;
}

/** The size of every table of a schema, largest first. */
export async function relationSizes(db: Kysely<unknown>, schema: string): Promise<RelationSize[]> {
  const { rows } = await sql<{ table: string; table_bytes: string; index_bytes: string }>`
    select c.relname as table, pg_table_size(c.oid) as table_bytes,
      pg_indexes_size(c.oid) as index_bytes
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = ${schema} and c.relkind = 'r'
    order by pg_total_relation_size(c.oid) desc`.execute(db);
  return rows.map((row) => ({
    table: row.table,
    tableBytes: Number(row.table_bytes),
    indexBytes: Number(row.index_bytes),
  }));
}
