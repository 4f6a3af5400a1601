import { type EdgeHour, edgeHour, planRange, type TimeRange } from '@cupid-dashboard/core';
import { sql } from 'kysely';
import type { Db } from '../db/types';
import { LatencySketch } from '../sketch';
import { addPart, emptyTotals, type FactPart, type FactTotals } from './fact-totals';
import { type FactFilter, readRawParts } from './raw-facts';

/** Values by agent, then by model (null keys: observations without one). */
type ByKey<T> = Map<string | null, Map<string | null, T>>;

/**
 * The partial hours at a range's edges, which are the same for the hourly and the daily plan:
 * a view reading both reads them once.
 */
export interface Edges {
  /** The observations of the edges read as they are. */
  raw: FactPart[];
  /** The edges answered as their hour's rollup rows less the observations outside the range. */
  hours: SubtractedEdge[];
}

/** An edge hour answered by subtraction, and what its rollup rows lose. */
export interface SubtractedEdge extends EdgeHour {
  /** Totals of the hour's observations outside the range: all of them, and by agent and model. */
  lost: { all: FactTotals; byKey: ByKey<FactTotals> };
  /**
   * Where the range ends inside the hour, a rollup row's max start may lie beyond its end: the
   * latest start inside it, overall and by agent and model. Null where the range starts inside
   * the hour (whatever a row keeps, its latest start is the row's).
   */
  lastInside: { all: number | null; byKey: ByKey<number> } | null;
}

/**
 * Reads the edges of a range. An edge that reaches one end of its hour is answered as the hour's
 * rollup rows less the observations outside the range when those are fewer than the ones inside
 * (two index counts decide); the others are read raw.
 */
export async function readEdges(
  db: Db,
  query: { range: TimeRange | undefined } & FactFilter,
): Promise<Edges> {
  const edges: Edges = { raw: [], hours: [] };
  for (const span of planRange(query.range, true).raw) {
    const edge = edgeHour(span);
    if (edge !== null && (await fewerOutside(db, edge))) {
      edges.hours.push(await readSubtracted(db, edge, query));
    } else {
      edges.raw.push(...(await readRawParts(db, span, query)));
    }
  }
  return edges;
}

/**
 * An edge hour's rollup rows (per agent × model, or across them) less what the hour's
 * observations outside the range add to them, so each sums exactly the observations inside.
 */
export function netEdgeParts(
  rows: readonly FactPart[],
  edge: SubtractedEdge,
  acrossAgents: boolean,
): FactPart[] {
  return rows.map((row) => {
    const lost = acrossAgents ? edge.lost.all : edge.lost.byKey.get(row.agent)?.get(row.model);
    if (lost === undefined || lost.calls === 0) return row;
    const last = acrossAgents
      ? edge.lastInside?.all
      : edge.lastInside?.byKey.get(row.agent)?.get(row.model);
    // No latest start inside: nothing of the row is left, and its max start counts for nothing.
    return netPart(row, lost, last ?? row.maxStart);
  });
}

function netPart(row: FactPart, lost: FactTotals, maxStart: number): FactPart {
  let bins = row.bins;
  if (bins !== null) {
    const sketch = new LatencySketch();
    sketch.merge(bins);
    sketch.merge(lost.sketch, -1);
    bins = sketch;
  }
  return {
    ...row,
    calls: row.calls - lost.calls,
    generations: row.generations - lost.generations,
    errors: row.errors - lost.errors,
    cost: row.cost - lost.cost,
    tokensInput: row.tokensInput - lost.tokens.input,
    tokensOutput: row.tokensOutput - lost.tokens.output,
    tokensTotal: row.tokensTotal - lost.tokens.total,
    latencyCount: row.latencyCount - lost.latencyCount,
    latencySum: row.latencySum - lost.latencySum,
    maxStart,
    bins,
  };
}

/** Whether fewer observations start in the edge's hour outside the range than inside it. */
async function fewerOutside(db: Db, edge: EdgeHour): Promise<boolean> {
  return (await countStarts(db, edge.outside)) < (await countStarts(db, edge.inside));
}

/** Observations started in a span, counted on the start-time index. */
async function countStarts(db: Db, span: { from: number; to: number }): Promise<number> {
  const row = await db
    .selectFrom('observations')
    .select(sql<number>`count(*)`.as('starts'))
    .where('start_time', '>=', span.from)
    .where('start_time', '<', span.to)
    .executeTakeFirstOrThrow();
  return Number(row.starts);
}

async function readSubtracted(db: Db, edge: EdgeHour, filter: FactFilter): Promise<SubtractedEdge> {
  const all = emptyTotals();
  const byKey: ByKey<FactTotals> = new Map();
  for (const part of await readRawParts(db, edge.outside, filter)) {
    addPart(all, part);
    addPart(entryOf(byKey, part.agent, part.model, emptyTotals), part);
  }
  const endsInside = edge.inside.from === edge.hour;
  return {
    ...edge,
    lost: { all, byKey },
    lastInside: endsInside && all.calls > 0 ? await readLastStarts(db, edge.inside, filter) : null,
  };
}

/** The latest start in a span, overall and by agent and model (grouped on the index). */
async function readLastStarts(
  db: Db,
  span: { from: number; to: number },
  filter: FactFilter,
): Promise<{ all: number | null; byKey: ByKey<number> }> {
  let select = db
    .selectFrom('observations')
    .select(['name', 'model', sql<number>`max(start_time)`.as('last')])
    .where('start_time', '>=', span.from)
    .where('start_time', '<', span.to)
    .groupBy(['name', 'model']);
  if (filter.agent !== undefined) select = select.where('name', '=', filter.agent);
  if (filter.withModel) select = select.where('model', 'is not', null);
  let all: number | null = null;
  const byKey: ByKey<number> = new Map();
  for (const row of await select.execute()) {
    all = all === null ? row.last : Math.max(all, row.last);
    entryOf(byKey, row.name, row.model, () => row.last);
  }
  return { all, byKey };
}

/** The value under agent and model, created by `create` when missing. */
function entryOf<T>(
  byKey: ByKey<T>,
  agent: string | null,
  model: string | null,
  create: () => T,
): T {
  let byModel = byKey.get(agent);
  if (byModel === undefined) {
    byModel = new Map();
    byKey.set(agent, byModel);
  }
  let value = byModel.get(model);
  if (value === undefined) {
    value = create();
    byModel.set(model, value);
  }
  return value;
}
