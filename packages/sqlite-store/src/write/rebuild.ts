import {
  type DashboardPreset,
  observationChapter,
  type RefreshResult,
  SearchChanges,
} from '@cupid-dashboard/core';
import { linkAllToSessions } from '@cupid-dashboard/sql-store';
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
  'score_group_hour',
  'score_session',
  'counters',
] as const;

/** Observations read and added into the rollup deltas before those are written and let go. */
const ROLLUP_PAGE = 50_000;

/**
 * Rebuilds every derived row from the raw records (`refresh('all')`, a repair): effective
 * sessions and chapters (the preset may have changed), rollups, trace and session aggregates,
 * search text and counters. Runs in the caller's write transaction; readers keep seeing the old
 * data until it commits. Each phase streams its records and keeps only what it still has to
 * write, so the memory a rebuild needs stays flat as the file grows (the trace changes, one
 * small entry per trace, are the largest thing held).
 */
export async function rebuildAll(db: Db, preset: DashboardPreset): Promise<RefreshResult> {
  await linkAllToSessions(db, 'observations');
  await refreshChapters(db, preset);
  for (const table of DERIVED_TABLES) await db.deleteFrom(table).execute();
  const traces = await rebuildTraces(db, await rebuildRollups(db));
  const sessions = await rebuildSessions(db);
  await writeCounters(db, { sessions, traces });
  await rebuildScores(db);
  return refreshResult(db, { sessions, traces });
}

/**
 * Adds every observation into the rollups and gathers its trace's span, reading them by rowid a
 * page of {@link ROLLUP_PAGE} at a time and writing each page's deltas before the next (the deltas
 * are additive, so writing them in parts gives the same rows). A stream cannot be used here: the
 * writes would wait for the connection the open stream holds.
 */
async function rebuildRollups(db: Db): Promise<TraceChanges> {
  const traceChanges = new TraceChanges();
  for (let after = 0; ; ) {
    const rows = await db
      .selectFrom('observations')
      .select([sql<number>`rowid`.as('rowid'), ...FACT_COLUMNS, 'end_time'])
      .where(sql.ref('rowid'), '>', after)
      .orderBy(sql.ref('rowid'))
      .limit(ROLLUP_PAGE)
      .execute();
    const last = rows[rows.length - 1];
    if (last === undefined) return traceChanges;
    after = last.rowid;
    const deltas = new RollupDeltas();
    for (const row of rows) {
      deltas.apply(factOfRow(row), 1);
      traceChanges.addObservation(row.trace_id, row.start_time, row.end_time, 1);
    }
    await applyRollupDeltas(db, deltas);
  }
}

/** Every trace's aggregate from its record and its observations' spans. */
async function rebuildTraces(db: Db, traceChanges: TraceChanges): Promise<number> {
  for await (const row of db.selectFrom('traces').select(['id', 'timestamp']).stream(2000)) {
    traceChanges.addRecord(row.id, row.timestamp);
  }
  return refreshTraces(db, traceChanges);
}

/** Every session's aggregate, first calls and search text, for each id anything links to. */
async function rebuildSessions(db: Db): Promise<number> {
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
  return refreshSessions(db, sessionIds, search, null);
}

/** The record counters, and the derived ones the rebuild just counted. */
async function writeCounters(db: Db, derived: { sessions: number; traces: number }): Promise<void> {
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
      { name: 'derived_sessions', value: derived.sessions },
      { name: 'derived_traces', value: derived.traces },
    ])
    .execute();
}

/** What a rebuild reports: its counts and the rollups' names and hours. */
async function refreshResult(
  db: Db,
  derived: { sessions: number; traces: number },
): Promise<RefreshResult> {
  const names = await countRollupNames(db);
  const hours = await db
    .selectFrom('rollup_total_hour')
    .select(sql<number>`count(*)`.as('hours'))
    .executeTakeFirstOrThrow();
  return {
    ...derived,
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
