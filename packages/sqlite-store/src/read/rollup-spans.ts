import type { Span } from '@cupid-dashboard/core';
import { type SelectQueryBuilder, sql } from 'kysely';
import type { StoreSchema } from '../db/schema';

/** Restricts a rollup query to the buckets of a span (a null bound is open). */
export function inSpan<TB extends keyof StoreSchema, O>(
  query: SelectQueryBuilder<StoreSchema, TB, O>,
  span: Span,
): SelectQueryBuilder<StoreSchema, TB, O> {
  let next = query;
  if (span.from !== null) next = next.where(sql.ref<number>('bucket'), '>=', span.from);
  if (span.to !== null) next = next.where(sql.ref<number>('bucket'), '<', span.to);
  return next;
}
