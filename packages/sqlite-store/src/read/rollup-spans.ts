import { type SelectQueryBuilder, sql } from 'kysely';
import type { StoreSchema } from '../db/schema';
import type { RangePlan, Span } from './range-plan';

/**
 * The rollup reads of a range plan: its whole days from the daily table, its whole hours from
 * the hourly one (the raw edges are each reader's own). Every rollup reader walks these.
 *
 * @example
 * for (const { table, span } of rollupSpans(plan, { day: 'trace_day', hour: 'trace_hour' })) …
 */
export function rollupSpans<T extends string>(
  plan: RangePlan,
  tables: { day: T; hour: T },
): Array<{ table: T; span: Span }> {
  const reads: Array<{ table: T; span: Span }> = [];
  if (plan.days) reads.push({ table: tables.day, span: plan.days });
  for (const span of plan.hours) reads.push({ table: tables.hour, span });
  return reads;
}

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
