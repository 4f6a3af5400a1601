import type pg from 'pg';

/**
 * Every row of some tables of a schema, each table in the given order (`table` → `order by`
 * list), as the driver reads them: what a test compares before and after a rebuild.
 */
export async function tableRows(
  client: pg.Client,
  schema: string,
  tables: Readonly<Record<string, string>>,
): Promise<Record<string, unknown[]>> {
  const rows: Record<string, unknown[]> = {};
  for (const [table, order] of Object.entries(tables)) {
    rows[table] = (await client.query(`select * from ${schema}.${table} order by ${order}`)).rows;
  }
  return rows;
}
