import { sql } from 'kysely';

/**
 * The `doUpdateSet` of an upsert that replaces every column after the key with the incoming
 * row's (`excluded.<column>`), so a new version of a row overwrites the old one whole.
 *
 * @param columns every column of the row, key columns first
 * @param keyCount how many leading columns form the conflict key (left untouched), default 1
 * @example
 * db.insertInto('traces').values(rows).onConflict((c) => c.column('id').doUpdateSet(replaceAllButKey(TRACE_COLUMNS)));
 */
export function replaceAllButKey<C extends string>(columns: readonly C[], keyCount = 1) {
  return Object.fromEntries(
    columns.slice(keyCount).map((column) => [column, sql.ref(`excluded.${column}`)]),
  );
}
