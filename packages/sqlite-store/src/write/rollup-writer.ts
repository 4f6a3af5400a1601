import { sql } from 'kysely';
import { chunks } from '../chunks';
import { bulkInsert } from '../db/bulk-insert';
import { replaceAllButKey } from '../db/replace-all-but-key';
import type { StoreSchema } from '../db/schema';
import type { Db } from '../db/types';

/** Every rollup table: keyed by UTC bucket start, maybe with more key columns. */
export type RollupTableName =
  | 'rollup_hour'
  | 'rollup_day'
  | 'rollup_total_hour'
  | 'rollup_total_day'
  | 'session_hour'
  | 'session_day'
  | 'trace_hour'
  | 'trace_day'
  | 'agent_sessions_hour'
  | 'agent_sessions_day'
  | 'score_hour'
  | 'score_value_hour'
  | 'score_group_hour';

/** How many buckets one read of stored rollup rows takes. */
const BUCKET_SLICE = 500;

/** One rollup table as the delta writer sees it. */
export interface RollupTarget<T extends RollupTableName> {
  table: T;
  /** The key columns, `bucket` first. */
  key: readonly (keyof StoreSchema[T] & string)[];
  /** Every column, key columns first. */
  columns: readonly (keyof StoreSchema[T] & string)[];
}

/** A change to one rollup row: the bucket it falls in and whatever the rollup adds up. */
export interface BucketDelta {
  bucket: number;
}

/**
 * Adds a batch's deltas to a rollup table: reads the stored rows of the buckets the deltas touch
 * (a few dozen rows per bucket), lets `combine` add each delta to its stored row in JS (sketch
 * blobs and chapter maps cannot be added in SQL), and writes back the rows that changed, deleting
 * the rows `combine` empties. Every rollup (observations, sessions, traces, first calls) goes
 * through it, so the read-add-write pattern and its slice sizes live once.
 *
 * @param keyOf the key of a stored row, the same string the deltas are keyed by
 * @param combine the row after adding `delta` to `stored` (undefined: none yet); null deletes it
 * @param settle a last look at the rows about to be written (e.g. to re-read a lost maximum)
 */
export async function writeRollupDeltas<T extends RollupTableName, D extends BucketDelta>(
  db: Db,
  target: RollupTarget<T>,
  deltas: ReadonlyMap<string, D>,
  keyOf: (row: StoreSchema[T]) => string,
  combine: (stored: StoreSchema[T] | undefined, delta: D) => StoreSchema[T] | null,
  settle?: (rows: StoreSchema[T][]) => Promise<void>,
): Promise<void> {
  if (deltas.size === 0) return;
  const stored = await readBuckets(db, target.table, deltas, keyOf);
  const upserts: StoreSchema[T][] = [];
  const deletes: StoreSchema[T][] = [];
  for (const [key, delta] of deltas) {
    const before = stored.get(key);
    const after = combine(before, delta);
    if (after) upserts.push(after);
    else if (before) deletes.push(before);
  }
  await settle?.(upserts);
  await upsertRows(target)(db, upserts);
  for (const row of deletes) {
    let query = db.deleteFrom(target.table as 'trace_hour');
    for (const column of target.key) {
      query = query.where(
        sql.ref(column),
        '=',
        (row as unknown as Record<string, unknown>)[column],
      );
    }
    await query.execute();
  }
}

async function readBuckets<T extends RollupTableName>(
  db: Db,
  table: T,
  deltas: ReadonlyMap<string, BucketDelta>,
  keyOf: (row: StoreSchema[T]) => string,
): Promise<Map<string, StoreSchema[T]>> {
  const buckets = [...new Set([...deltas.values()].map((delta) => delta.bucket))];
  const stored = new Map<string, StoreSchema[T]>();
  for (const slice of chunks(buckets, BUCKET_SLICE)) {
    const rows = await db
      .selectFrom(table as 'trace_hour')
      .selectAll()
      .where('bucket', 'in', slice)
      .execute();
    for (const row of rows as unknown as StoreSchema[T][]) stored.set(keyOf(row), row);
  }
  return stored;
}

const upserters = new Map<string, (db: Db, rows: readonly object[]) => Promise<unknown[]>>();

/** The replace-all-but-the-key upsert of a rollup table, built once per table. */
function upsertRows<T extends RollupTableName>(
  target: RollupTarget<T>,
): (db: Db, rows: readonly StoreSchema[T][]) => Promise<unknown[]> {
  let upsert = upserters.get(target.table);
  if (!upsert) {
    const { key, columns } = target;
    upsert = bulkInsert<object>(columns as never, (db, rows) =>
      db
        .insertInto(target.table as 'trace_hour')
        .values(rows as never)
        .onConflict((conflict) =>
          conflict.columns(key as never).doUpdateSet(replaceAllButKey(columns, key.length)),
        ),
    );
    upserters.set(target.table, upsert);
  }
  return upsert;
}
