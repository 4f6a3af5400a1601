import {
  type DashboardPreset,
  observationChapter,
  type RefreshResult,
  SearchChanges,
} from '@cupid-dashboard/core';
import { sql } from 'kysely';
import { chunks } from '../chunks';
import { countRollupNames } from '../db/counters';
import { fromJson } from '../db/json';
import type { Db } from '../db/types';
import { applyRollupDeltas } from './apply-rollups';
import { rebuildScores } from './rebuild-scores';
import { RollupDeltas } from './rollup-deltas';
import { FACT_COLUMNS, factOfRow } from './rows';
import { refreshSessions } from './session-aggregates';
import { refreshTraces } from './trace-aggregates';
import { TraceChanges } from './trace-changes';

const DERIVED_TABLES = [
  'rollup_hour',
  'rollup_day',
  'rollup_total_hour',
  'rollup_total_day',
  'agent_sessions_hour',
  'agent_sessions_day',
  'agent_first',
  'trace_agg',
  'trace_hour',
  'trace_day',
  'session_hour',
  'session_day',
  'session_agg',
  'session_fts',
  'session_chars',
  'session_pairs',
  'score_hour',
  'score_value_hour',
  'counters',
] as const;

/**
 * Rebuilds every derived row from the raw records (`refresh('all')`, a repair): effective
 * sessions and chapters (the preset may have changed), rollups, trace and session aggregates,
 * search text and counters. Runs in the caller's write transaction; readers keep seeing the old
 * data until it commits.
 */
export async function rebuildAll(db: Db, preset: DashboardPreset): Promise<RefreshResult> {
  await db
    .updateTable('observations')
    .set({
      eff_session_id: sql<
        string | null
      >`coalesce(session_id, (select t.session_id from traces t where t.id = observations.trace_id))`,
    })
    .execute();
  await refreshChapters(db, preset);
  for (const table of DERIVED_TABLES) await db.deleteFrom(table).execute();

  const deltas = new RollupDeltas();
  const facts = db
    .selectFrom('observations')
    .select([...FACT_COLUMNS, 'end_time'])
    .stream(2000);
  const traceChanges = new TraceChanges();
  for await (const row of facts) {
    deltas.apply(factOfRow(row), 1);
    traceChanges.addObservation(row.trace_id, row.start_time, row.end_time, 1);
  }
  await applyRollupDeltas(db, deltas);
  for await (const row of db.selectFrom('traces').select(['id', 'timestamp']).stream(2000)) {
    traceChanges.addRecord(row.id, row.timestamp);
  }
  const traces = await refreshTraces(db, traceChanges);

  const sessionIds = (
    await db
      .selectFrom('sessions')
      .select('id')
      .union(
        db
          .selectFrom('traces')
          .select(sql<string>`session_id`.as('id'))
          .where('session_id', 'is not', null),
      )
      .union(
        db
          .selectFrom('observations')
          .select(sql<string>`eff_session_id`.as('id'))
          .where('eff_session_id', 'is not', null),
      )
      .execute()
  ).map((row) => row.id);
  const search = new SearchChanges();
  for (const id of sessionIds) search.rebuild(id);
  const sessions = await refreshSessions(db, sessionIds, search, null);

  const records = await db
    .selectNoFrom([
      sql<number>`(select count(*) from sessions)`.as('sessions'),
      sql<number>`(select count(*) from traces)`.as('traces'),
      sql<number>`(select count(*) from observations)`.as('observations'),
    ])
    .executeTakeFirstOrThrow();
  await db
    .insertInto('counters')
    .values([
      { name: 'sessions', value: Number(records.sessions) },
      { name: 'traces', value: Number(records.traces) },
      { name: 'observations', value: Number(records.observations) },
      { name: 'derived_sessions', value: sessions },
      { name: 'derived_traces', value: traces },
    ])
    .execute();
  await rebuildScores(db);

  const names = await countRollupNames(db);
  const hours = await db
    .selectFrom('rollup_hour')
    .select(sql<number>`count(distinct bucket)`.as('hours'))
    .executeTakeFirstOrThrow();
  return {
    sessions,
    traces,
    agents: names.agents,
    models: names.models,
    hourBuckets: Number(hours.hours),
  };
}

/** Re-derives each observation's chapter with the current preset; writes only the changed ones. */
async function refreshChapters(db: Db, preset: DashboardPreset): Promise<void> {
  const changed: Array<{ id: string; chapter: number | null }> = [];
  const rows = db
    .selectFrom('observations')
    .select(['id', 'name', 'metadata', 'chapter'])
    .stream(2000);
  for await (const row of rows) {
    const chapter = observationChapter(
      { name: row.name, metadata: fromJson(row.metadata) as Record<string, unknown> | null },
      preset,
    );
    if (chapter !== row.chapter) changed.push({ id: row.id, chapter });
  }
  for (const slice of chunks(changed, 500)) {
    for (const { id, chapter } of slice) {
      await db.updateTable('observations').set({ chapter }).where('id', '=', id).execute();
    }
  }
}
