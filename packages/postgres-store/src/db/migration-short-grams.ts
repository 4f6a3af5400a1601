import { shortSearchGrams } from '@cupid-dashboard/sql-store';
import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: Kysely's migration signature
type AnyDb = Kysely<any>;

/** Sessions whose grams one statement of the fill writes. */
const FILL_BATCH = 500;

/**
 * Each session's one- and two-character grams (`shortSearchGrams` of its search text) in a GIN
 * index, so a search of one or two characters, which the trigram indexes cannot answer, is an
 * index lookup instead of a scan of every session's text. Filled from the stored text.
 */
export async function addShortGrams(db: AnyDb): Promise<void> {
  await db.schema
    .alterTable('session_agg')
    .addColumn('grams', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .execute();
  let after = '';
  for (;;) {
    const rows: { id: string; ident: string; body: string }[] = await db
      .selectFrom('session_agg')
      .select(['id', 'ident', 'body'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(FILL_BATCH)
      .execute();
    if (rows.length === 0) break;
    await db
      .updateTable('session_agg')
      .from(
        sql`(select unnest(${rows.map((row) => row.id)}::text[]) as id, unnest(${rows.map((row) =>
          JSON.stringify(shortSearchGrams([row.ident, row.body])),
        )}::jsonb[]) as grams)`.as('filled'),
      )
      .set({
        grams: sql`array(select jsonb_array_elements_text(filled.grams))`,
      })
      .whereRef('session_agg.id', '=', sql.ref('filled.id'))
      .execute();
    after = rows[rows.length - 1]?.id ?? after;
  }
  await db.schema
    .createIndex('session_agg_grams')
    .on('session_agg')
    .using('gin')
    .column('grams')
    .execute();
}
