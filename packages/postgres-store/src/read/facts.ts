import type { TimeRange } from '@cupid-dashboard/core';
import { type SelectQueryBuilder, sql } from 'kysely';
import type { Num, StoreSchema } from '../db/schema';

/** A query over observations. */
export type ObservationQuery = SelectQueryBuilder<StoreSchema, 'observations', object>;

/** Restricts an observation query to start times in range. */
export function whereObserved(query: ObservationQuery, range: TimeRange | undefined) {
  let next = query;
  if (range?.from !== undefined) next = next.where('start_time', '>=', range.from);
  if (range?.to !== undefined) next = next.where('start_time', '<', range.to);
  return next;
}

/** `floor(time / width) * width`: the UTC bucket start of a time column, epoch ms. */
export function bucketSql(column: string, widthMs: number) {
  return sql<Num>`(floor(${sql.ref(column)}::float8 / ${widthMs}) * ${widthMs})::bigint`;
}
