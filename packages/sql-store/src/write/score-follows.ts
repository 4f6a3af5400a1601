import { BUCKET_MS } from '@cupid-dashboard/core';
import { type Kysely, sql } from 'kysely';
import { chunks } from '../chunks';
import type { Num } from '../db/numbers';
import type {
  ScoreGroupHourColumns,
  ScoreGroupKind,
  ScoreSessionColumns,
  ScoreTableColumns,
} from '../db/tables';
import { type SqlDb, sharedView } from '../db/view';

/** The tables a score's observation link and its session rollup are kept in. */
export interface ScoreFollowSchema {
  scores: ScoreTableColumns<Num>;
  observations: { id: string; name: string | null; model: string | null };
  score_session: ScoreSessionColumns<Num>;
  score_group_hour: ScoreGroupHourColumns<Num>;
}

/** An observation's agent (its name) and model, as a score is linked to them. */
export interface ObservationKeys {
  agent: string | null;
  model: string | null;
}

const onScores = sharedView<ScoreFollowSchema>();

/** The stored agent and model of the observations some scores are attached to, by id. */
export async function observationKeysOf<DB extends ScoreFollowSchema>(
  db: SqlDb<DB>,
  scores: Iterable<{ observationId: string | null }>,
): Promise<Map<string, ObservationKeys>> {
  const ids = [...new Set([...scores].flatMap((score) => score.observationId ?? []))];
  const keys = new Map<string, ObservationKeys>();
  for (const slice of chunks(ids, 500)) {
    const rows = await onScores(db)
      .selectFrom('observations')
      .select(['id', 'name', 'model'])
      .where('id', 'in', slice)
      .execute();
    for (const row of rows) keys.set(row.id, { agent: row.name, model: row.model });
  }
  return keys;
}

/**
 * The ids of the scores on some observations whose stored agent or model is not the
 * observation's now: it arrived after them, or a new version renamed it or changed its model.
 */
export async function scoresOffTheirObservation<DB extends ScoreFollowSchema>(
  db: SqlDb<DB>,
  observationIds: readonly string[],
): Promise<string[]> {
  const ids: string[] = [];
  for (const slice of chunks([...new Set(observationIds)], 500)) {
    const rows = await onScores(db)
      .selectFrom('scores')
      .innerJoin('observations', 'observations.id', 'scores.observation_id')
      .select('scores.id')
      .where('scores.observation_id', 'in', slice)
      .where((eb) =>
        eb.or([
          eb('scores.agent', 'is distinct from', eb.ref('observations.name')),
          eb('scores.model', 'is distinct from', eb.ref('observations.model')),
        ]),
      )
      .execute();
    for (const row of rows) ids.push(row.id);
  }
  return ids;
}

/** Sets some scores' (or every score's) agent and model to their observation's as stored now. */
export async function linkScoresToObservations<DB extends ScoreFollowSchema>(
  db: SqlDb<DB>,
  scoreIds: readonly string[] | 'all',
): Promise<void> {
  const link = onScores(db)
    .updateTable('scores')
    .set((eb) => ({
      agent: eb
        .selectFrom('observations')
        .select('observations.name')
        .whereRef('observations.id', '=', 'scores.observation_id'),
      model: eb
        .selectFrom('observations')
        .select('observations.model')
        .whereRef('observations.id', '=', 'scores.observation_id'),
    }));
  if (scoreIds === 'all') {
    await link.execute();
    return;
  }
  for (const slice of chunks(scoreIds, 500)) await link.where('id', 'in', slice).execute();
}

/**
 * Recomputes the `score_session` rows of some sessions (or of all) from their scores (index on
 * the effective session): every session a write added a score to, took one from or changed one
 * in. A session has a few scores per name, so this costs what the write touched.
 */
export async function refreshScoreSessions<DB extends ScoreFollowSchema>(
  db: SqlDb<DB>,
  sessionIds: Iterable<string | null> | 'all',
): Promise<void> {
  const shared = onScores(db);
  const insert = shared
    .insertInto('score_session')
    .columns(['session_id', 'name', 'count', 'mean', 'first_at', 'last_at', 'span']);
  if (sessionIds === 'all') {
    await shared.deleteFrom('score_session').execute();
    await insert
      .expression(scoreSessionRows(shared).where('eff_session_id', 'is not', null))
      .execute();
    return;
  }
  const ids = [...new Set(sessionIds)].filter((id): id is string => id !== null);
  for (const slice of chunks(ids, 500)) {
    await shared.deleteFrom('score_session').where('session_id', 'in', slice).execute();
    await insert
      .expression(scoreSessionRows(shared).where('eff_session_id', 'in', slice))
      .execute();
  }
}

/** The `score_session` rows of the scores a query selects (add a `where` on `scores`). */
function scoreSessionRows(db: Kysely<ScoreFollowSchema>) {
  return db
    .selectFrom('scores')
    .select([
      'eff_session_id as session_id',
      'name',
      sql<number>`count(*)`.as('count'),
      sql<number | null>`sum(value) / count(value)`.as('mean'),
      sql<number>`min(timestamp)`.as('first_at'),
      sql<number>`max(timestamp)`.as('last_at'),
      sql<number>`max(timestamp) - min(timestamp)`.as('span'),
    ])
    .groupBy(['eff_session_id', 'name']);
}

/** The groups a score counts in: its observation's agent and its model. */
export const SCORE_GROUP_KINDS = ['agent', 'model'] as const satisfies readonly ScoreGroupKind[];

/** `score_group_hour`'s columns, the key first, in the order {@link scoreGroupRows} selects. */
export const SCORE_GROUP_COLUMNS = [
  'bucket',
  'name',
  'kind',
  'key',
  'count',
  'value_count',
  'value_sum',
] as const;

/**
 * What some scores add to `score_group_hour` by one kind (`sign` 1) or take from it (-1): counts
 * and sums per hour, name and agent or model, as a select of {@link SCORE_GROUP_COLUMNS} over
 * the scores (add a `where`). Scores without that agent or model count in no group.
 */
export function scoreGroupRows<DB extends ScoreFollowSchema>(
  db: SqlDb<DB>,
  kind: ScoreGroupKind,
  sign: 1 | -1,
) {
  return onScores(db)
    .selectFrom('scores')
    .select([
      sql<number>`timestamp - timestamp % ${sql.lit(BUCKET_MS.hour)}`.as('bucket'),
      'name',
      sql.lit(kind).as('kind'),
      sql.ref<string>(kind).as('key'),
      sql<number>`${sql.lit(sign)} * count(*)`.as('count'),
      sql<number>`${sql.lit(sign)} * count(value)`.as('value_count'),
      sql<number>`${sql.lit(sign)} * coalesce(sum(value), 0)`.as('value_sum'),
    ])
    .where(kind, 'is not', null)
    .groupBy(sql`1, 2, 3, 4`);
}
