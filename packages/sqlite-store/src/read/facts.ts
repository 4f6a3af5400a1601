import type { TimeRange, TokenCounts } from '@cupid-dashboard/core';
import { planRange, rollupSpans, type Span } from '@cupid-dashboard/core';
import { ROLLUP_SUMS, ROLLUP_TOTAL_COLUMNS } from '../db/columns';
import type { RollupTotals } from '../db/rollup-totals';
import type { RollupTotalTable } from '../db/schema';
import type { Db } from '../db/types';
import { LatencySketch } from '../sketch';
import { inSpan } from './rollup-spans';

/** A slice of observation facts: one rollup row, or one raw observation at a range edge. */
export interface FactPart extends RollupTotals {
  /** Bucket start of a rollup row, or the observation's start time. */
  time: number;
  agent: string | null;
  model: string | null;
  maxStart: number;
  /** A rollup row's sketch blob; null for a raw observation. */
  bins: Uint8Array | null;
  /** A raw observation's latency. */
  latencyMs: number | null;
}

/** What to read. */
export interface FactQuery {
  range: TimeRange | undefined;
  /** Only this agent's observations. */
  agent?: string;
  /** Only observations with a model. */
  withModel?: boolean;
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
  /**
   * Read the raw observations of the partial hours at the edges. Default true; false when the
   * caller already holds them (they are the same for the hourly and the daily plan).
   */
  edges?: boolean;
}

/**
 * The fact parts covering a range: daily rollup rows for whole days, hourly rows for whole hours,
 * raw observations for the partial hours at the edges. Their sums are exactly the sums over the
 * observations whose start time is in range.
 */
export async function readFactParts(db: Db, query: FactQuery): Promise<FactPart[]> {
  const plan = planRange(query.range, !query.hourly);
  const tables = query.acrossAgents
    ? ({ day: 'rollup_total_day', hour: 'rollup_total_hour' } as const)
    : ({ day: 'rollup_day', hour: 'rollup_hour' } as const);
  const parts: FactPart[] = [];
  for (const { table, span } of rollupSpans(plan, tables)) {
    parts.push(
      ...(table === 'rollup_total_day' || table === 'rollup_total_hour'
        ? await readTotalRollup(db, table, span, query)
        : await readRollup(db, table, span, query)),
    );
  }
  if (query.edges === false) return parts;
  parts.push(...(await readEdgeParts(db, query)));
  return parts;
}

/**
 * The raw observations of the partial hours at a range's edges, which are the same for the
 * hourly and the daily plan: a caller reading both plans reads these once.
 */
export async function readEdgeParts(db: Db, query: FactQuery): Promise<FactPart[]> {
  const parts: FactPart[] = [];
  for (const span of planRange(query.range, true).raw)
    parts.push(...(await readRaw(db, span, query)));
  return parts;
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

async function readRaw(
  db: Db,
  span: { from: number; to: number },
  query: FactQuery,
): Promise<FactPart[]> {
  let select = db
    .selectFrom('observations')
    .select([
      'name',
      'model',
      'type',
      'start_time',
      'is_error',
      'cost',
      'tokens_input',
      'tokens_output',
      'tokens_total',
      'latency_ms',
    ])
    .where('start_time', '>=', span.from)
    .where('start_time', '<', span.to);
  if (query.agent !== undefined) select = select.where('name', '=', query.agent);
  if (query.withModel) select = select.where('model', 'is not', null);
  const rows = await select.execute();
  return rows.map((row) => ({
    time: row.start_time,
    agent: row.name,
    model: row.model,
    calls: 1,
    generations: row.type === 'GENERATION' ? 1 : 0,
    errors: row.is_error,
    cost: row.cost,
    tokensInput: row.tokens_input,
    tokensOutput: row.tokens_output,
    tokensTotal: row.tokens_total,
    latencyCount: row.latency_ms === null ? 0 : 1,
    latencySum: row.latency_ms ?? 0,
    maxStart: row.start_time,
    bins: null,
    latencyMs: row.latency_ms,
  }));
}

/** Sums of fact parts. */
export interface FactTotals {
  calls: number;
  generations: number;
  errors: number;
  cost: number;
  tokens: TokenCounts;
  latencyCount: number;
  latencySum: number;
  /** Latest start time, null when there are no calls. */
  lastSeenAt: number | null;
  /** Merged only when parts were read with `sketches`. */
  sketch: LatencySketch;
}

/** Empty totals. */
export function emptyTotals(): FactTotals {
  return {
    calls: 0,
    generations: 0,
    errors: 0,
    cost: 0,
    tokens: { input: 0, output: 0, total: 0 },
    latencyCount: 0,
    latencySum: 0,
    lastSeenAt: null,
    sketch: new LatencySketch(),
  };
}

/** Adds a part into totals, its latencies into their sketch unless `sketches` is false. */
export function addPart(totals: FactTotals, part: FactPart, sketches = true): void {
  totals.calls += part.calls;
  totals.generations += part.generations;
  totals.errors += part.errors;
  totals.cost += part.cost;
  totals.tokens.input += part.tokensInput;
  totals.tokens.output += part.tokensOutput;
  totals.tokens.total += part.tokensTotal;
  totals.latencyCount += part.latencyCount;
  totals.latencySum += part.latencySum;
  if (part.calls > 0) {
    totals.lastSeenAt =
      totals.lastSeenAt === null ? part.maxStart : Math.max(totals.lastSeenAt, part.maxStart);
  }
  if (!sketches) return;
  if (part.bins) totals.sketch.merge(part.bins);
  else if (part.latencyMs !== null) totals.sketch.add(part.latencyMs);
}

/**
 * Totals grouped by a key; parts whose key is null are left out.
 *
 * @param sketches merge the parts' latency sketches (for percentiles). Default true; merging is
 *   most of the grouping's cost, so groups that report no percentile skip it.
 */
export function groupParts<K>(
  parts: readonly FactPart[],
  key: (part: FactPart) => K | null,
  sketches = true,
): Map<K, FactTotals> {
  const groups = new Map<K, FactTotals>();
  for (const part of parts) {
    const k = key(part);
    if (k === null) continue;
    let totals = groups.get(k);
    if (!totals) {
      totals = emptyTotals();
      groups.set(k, totals);
    }
    addPart(totals, part, sketches);
  }
  return groups;
}

/** Mean latency of totals, null when no call had one. */
export function meanLatency(totals: FactTotals): number | null {
  return totals.latencyCount === 0 ? null : totals.latencySum / totals.latencyCount;
}
