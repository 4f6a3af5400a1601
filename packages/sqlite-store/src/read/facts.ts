import type { TimeRange } from '@cupid-dashboard/core';
import { BUCKET_MS, planRange, rollupSpans, type Span } from '@cupid-dashboard/core';
import { ROLLUP_SUMS, ROLLUP_TOTAL_COLUMNS } from '../db/columns';
import type { RollupTotalTable } from '../db/schema';
import type { Db } from '../db/types';
import { type Edges, netEdgeParts, readEdges } from './edge-hours';
import type { FactPart } from './fact-totals';
import type { FactFilter } from './raw-facts';
import { inSpan } from './rollup-spans';

/** What to read. */
export interface FactQuery extends FactFilter {
  range: TimeRange | undefined;
  /** Read sketch blobs (for percentiles). Default false. */
  sketches?: boolean;
  /** Parts must fall in hour buckets (hourly series): skip the daily rollups. Default false. */
  hourly?: boolean;
  /**
   * Read the rollups summed over every agent and model (one row per bucket; parts' agent and
   * model are then null) instead of those per agent × model. Default false; `agent` and
   * `withModel` need the per-agent rollups.
   */
  acrossAgents?: boolean;
}

/**
 * The fact parts covering a range: daily rollup rows for whole days, hourly rows for whole hours,
 * and for the partial hours at the edges either their raw observations or their hour's rows less
 * the observations outside the range. Their sums are exactly the sums over the observations whose
 * start time is in range.
 *
 * @param edges the range's edges already read with the same range and filter (they are the same
 *   for the hourly and the daily plan, so a caller reading both reads them once); read here when
 *   absent
 */
export async function readFactParts(db: Db, query: FactQuery, edges?: Edges): Promise<FactPart[]> {
  const plan = planRange(query.range, !query.hourly);
  const parts: FactPart[] = [];
  for (const { table, span } of rollupSpans(plan, { day: 'day', hour: 'hour' } as const)) {
    parts.push(...(await readRollupRows(db, table, span, query)));
  }
  const { raw, hours } = edges ?? (await readEdges(db, query));
  parts.push(...raw);
  for (const edge of hours) {
    const span = { from: edge.hour, to: edge.hour + BUCKET_MS.hour };
    const rows = await readRollupRows(db, 'hour', span, query);
    parts.push(...netEdgeParts(rows, edge, query.acrossAgents === true));
  }
  return parts;
}

/** The rollup rows of a span, per agent × model or across them as the query asks. */
function readRollupRows(
  db: Db,
  width: 'day' | 'hour',
  span: Span,
  query: FactQuery,
): Promise<FactPart[]> {
  if (query.acrossAgents) {
    return readTotalRollup(
      db,
      width === 'day' ? 'rollup_total_day' : 'rollup_total_hour',
      span,
      query,
    );
  }
  return readRollup(db, width === 'day' ? 'rollup_day' : 'rollup_hour', span, query);
}

async function readRollup(
  db: Db,
  table: 'rollup_hour' | 'rollup_day',
  span: Span,
  query: FactQuery,
): Promise<FactPart[]> {
  let select = inSpan(db.selectFrom(table as 'rollup_hour'), span).select(ROLLUP_TOTAL_COLUMNS);
  if (query.sketches) select = select.select('bins');
  if (query.agent !== undefined) {
    select = select.where('agent', '=', query.agent).where('has_agent', '=', 1);
  }
  if (query.withModel) select = select.where('has_model', '=', 1);
  const rows = (await select.execute()) as Array<
    Awaited<ReturnType<typeof select.execute>>[number] & { bins?: Uint8Array }
  >;
  return rows.map((row) =>
    partOfRow(row, row.has_agent === 1 ? row.agent : null, row.has_model === 1 ? row.model : null),
  );
}

/** One bucket's rows across every agent and model. */
async function readTotalRollup(
  db: Db,
  table: 'rollup_total_hour' | 'rollup_total_day',
  span: Span,
  query: FactQuery,
): Promise<FactPart[]> {
  let select = inSpan(db.selectFrom(table as 'rollup_total_hour'), span).select([
    'bucket',
    ...ROLLUP_SUMS,
  ]);
  if (query.sketches) select = select.select('bins');
  const rows = (await select.execute()) as Array<
    Awaited<ReturnType<typeof select.execute>>[number] & { bins?: Uint8Array }
  >;
  return rows.map((row) => partOfRow(row, null, null));
}

/** A fact part of a rollup row. */
function partOfRow(
  row: Omit<RollupTotalTable, 'bins'> & { bins?: Uint8Array },
  agent: string | null,
  model: string | null,
): FactPart {
  return {
    time: row.bucket,
    agent,
    model,
    calls: row.calls,
    generations: row.generations,
    errors: row.errors,
    cost: row.cost,
    tokensInput: row.tokens_input,
    tokensOutput: row.tokens_output,
    tokensTotal: row.tokens_total,
    latencyCount: row.latency_count,
    latencySum: row.latency_sum,
    maxStart: row.max_start,
    bins: row.bins ?? null,
    latencyMs: null,
  };
}
