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
import { type ReadPart, readPart } from './read-parts';
import { inRawSpans, inScoreSpan } from './score-parts';

/** The tables a score's breakdowns by agent and model are read from. */
export interface ScoreGroupSchema {
  scores: ScoreTableColumns<Num>;
  score_group_hour: ScoreGroupHourColumns<Num>;
}

const onScores = sharedView<ScoreGroupSchema>();

/**
 * A score name's counts and sums by agent and by model over a range, for core's breakdowns, as
 * parts not yet read: the hourly `score_group_hour` rows of its whole hours, summed in SQL, and
 * its raw scores at the partial hours at the edges (both edges in one select). A group names an
 * agent or a model; core adds them up by each.
 */
export function scoreGroupSelects<DB extends ScoreGroupSchema>(
  db: SqlDb<DB>,
  { name, range }: Pick<ResolvedScoreDetailParams, 'name' | 'range'>,
) {
  const plan = planRange(range, false);
  // Without days a plan has at most one span of hours: none when the range holds no whole hour.
  const span: Span | undefined = plan.hours[0];
  return {
    groupHours: readPart(span ? hourGroups(db, span, name) : null, (rows) =>
      rows.map(
        (row): ScoreObservationGroup => ({
          agent: row.kind === ('agent' satisfies ScoreGroupKind) ? row.key : null,
          model: row.kind === ('model' satisfies ScoreGroupKind) ? row.key : null,
          count: toNumber(row.n),
          valueCount: toNumber(row.numbers),
          valueSum: Number(row.total),
        }),
      ),
    ),
    groupRaw: readPart(plan.raw.length > 0 ? rawGroups(db, plan.raw, name) : null, (rows) =>
      rows.map(
        (row): ScoreObservationGroup => ({
          agent: row.agent,
          model: row.model,
          count: toNumber(row.n),
          valueCount: toNumber(row.numbers),
          valueSum: Number(row.total),
        }),
      ),
    ),
  } satisfies Record<string, ReadPart<ScoreObservationGroup[]>>;
}

function hourGroups<DB extends ScoreGroupSchema>(db: SqlDb<DB>, span: Span, name: string) {
  return inScoreSpan(onScores(db).selectFrom('score_group_hour'), span, name)
    .select([
      'kind',
      'key',
      sql<Num>`sum(count)`.as('n'),
      sql<Num>`sum(value_count)`.as('numbers'),
      sql<number>`sum(value_sum)`.as('total'),
    ])
    .groupBy(['kind', 'key']);
}

function rawGroups<DB extends ScoreGroupSchema>(
  db: SqlDb<DB>,
  spans: readonly { from: number; to: number }[],
  name: string,
) {
  return onScores(db)
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
    .groupBy(['agent', 'model']);
}
