import {
  planRange,
  type ResolvedScoreDetailParams,
  type ScoreObservationGroup,
  type Span,
} from '@cupid-dashboard/core';
import { sql } from 'kysely';
import { type Num, toNumber } from '../db/numbers';
import type { ScoreGroupHourColumns, ScoreGroupKind, ScoreTableColumns } from '../db/tables';
import { type SqlDb, sharedView } from '../db/view';
import { inRawSpans, inScoreSpan } from './score-parts';

/** The tables a score's breakdowns by agent and model are read from. */
export interface ScoreGroupSchema {
  scores: ScoreTableColumns<Num>;
  score_group_hour: ScoreGroupHourColumns<Num>;
}

const onScores = sharedView<ScoreGroupSchema>();

/**
 * A score name's counts and sums by agent and by model over a range, for core's breakdowns: the
 * hourly `score_group_hour` rows of its whole hours, summed in SQL, and its raw scores at the
 * partial hours at the edges (both in one statement). A group names an agent or a model; core adds them up by each.
 */
export async function readScoreGroups<DB extends ScoreGroupSchema>(
  db: SqlDb<DB>,
  { name, range }: Pick<ResolvedScoreDetailParams, 'name' | 'range'>,
): Promise<ScoreObservationGroup[]> {
  const plan = planRange(range, false);
  const groups: ScoreObservationGroup[] = [];
  for (const span of plan.hours) groups.push(...(await hourGroups(db, span, name)));
  if (plan.raw.length > 0) groups.push(...(await rawGroups(db, plan.raw, name)));
  return groups;
}

async function hourGroups<DB extends ScoreGroupSchema>(
  db: SqlDb<DB>,
  span: Span,
  name: string,
): Promise<ScoreObservationGroup[]> {
  const rows = await inScoreSpan(onScores(db).selectFrom('score_group_hour'), span, name)
    .select([
      'kind',
      'key',
      sql<Num>`sum(count)`.as('n'),
      sql<Num>`sum(value_count)`.as('numbers'),
      sql<number>`sum(value_sum)`.as('total'),
    ])
    .groupBy(['kind', 'key'])
    .execute();
  return rows.map((row) => ({
    agent: row.kind === ('agent' satisfies ScoreGroupKind) ? row.key : null,
    model: row.kind === ('model' satisfies ScoreGroupKind) ? row.key : null,
    count: toNumber(row.n),
    valueCount: toNumber(row.numbers),
    valueSum: Number(row.total),
  }));
}

async function rawGroups<DB extends ScoreGroupSchema>(
  db: SqlDb<DB>,
  spans: readonly { from: number; to: number }[],
  name: string,
): Promise<ScoreObservationGroup[]> {
  const rows = await onScores(db)
    .selectFrom('scores')
    .select([
      'agent',
      'model',
      sql<Num>`count(*)`.as('n'),
      sql<Num>`count(value)`.as('numbers'),
      sql<number>`coalesce(sum(value), 0)`.as('total'),
    ])
    .where('name', '=', name)
    .where((eb) => inRawSpans(eb, spans))
    .where((eb) => eb.or([eb('agent', 'is not', null), eb('model', 'is not', null)]))
    .groupBy(['agent', 'model'])
    .execute();
  return rows.map((row) => ({
    agent: row.agent,
    model: row.model,
    count: toNumber(row.n),
    valueCount: toNumber(row.numbers),
    valueSum: Number(row.total),
  }));
}
