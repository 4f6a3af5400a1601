import {
  foldObservation,
  foldSessionCreated,
  foldTrace,
  generationSearchLines,
  newSessionFold,
  type ObservationRecord,
  type SearchChanges,
  type SessionFold,
  sessionFoldIsEmpty,
  sessionIdentText,
} from '@cupid-dashboard/core';
import { toNumber, toNumberOrNull } from '../db/numbers';
import type { AgentFirstTable, SessionAggTable } from '../db/schema';
import type { Db } from '../db/types';
import { recordOf } from './rows';
import { chunks } from './versions';

/**
 * Recomputes the given sessions from their records with core's session fold, and brings their
 * search text up to date (`search` says which only gained lines and which must be rebuilt from
 * their generations). A session nothing links to any more loses its rows.
 */
export async function refreshSessions(
  db: Db,
  ids: readonly string[],
  search: SearchChanges,
): Promise<void> {
  for (const slice of chunks(ids, 500)) {
    const folds = await foldSessions(db, slice);
    const bodies = await searchBodies(db, slice, search);
    const rows: SessionAggTable[] = [];
    const firsts: AgentFirstTable[] = [];
    const gone: string[] = [];
    for (const id of slice) {
      const fold = folds.get(id);
      if (!fold || sessionFoldIsEmpty(fold)) {
        gone.push(id);
        continue;
      }
      rows.push(aggregateRow(id, fold, bodies.get(id) ?? ''));
      for (const [agent, start] of fold.firstCalls) {
        firsts.push({ agent, session_id: id, first_start: start });
      }
    }
    await db.deleteFrom('agent_first').where('session_id', 'in', slice).execute();
    if (gone.length > 0) await db.deleteFrom('session_agg').where('id', 'in', gone).execute();
    if (rows.length > 0) {
      await db
        .insertInto('session_agg')
        .values(rows)
        .onConflict((conflict) =>
          conflict.column('id').doUpdateSet((eb) => {
            const columns = Object.keys(rows[0] ?? {}).filter((column) => column !== 'id');
            return Object.fromEntries(
              columns.map((column) => [
                column,
                eb.ref(`excluded.${column as keyof SessionAggTable}`),
              ]),
            );
          }),
        )
        .execute();
    }
    for (const part of chunks(firsts, 5000)) {
      await db.insertInto('agent_first').values(part).execute();
    }
  }
}

/** Folds each session's record, traces and observations (in start order) into its aggregates. */
async function foldSessions(db: Db, ids: readonly string[]): Promise<Map<string, SessionFold>> {
  const folds = new Map<string, SessionFold>();
  const fold = (id: string) => {
    let current = folds.get(id);
    if (!current) {
      current = newSessionFold();
      folds.set(id, current);
    }
    return current;
  };
  const records = await db
    .selectFrom('sessions')
    .select(['id', 'created_at'])
    .where('id', 'in', ids)
    .execute();
  for (const row of records) foldSessionCreated(fold(row.id), toNumber(row.created_at));
  const traces = await db
    .selectFrom('traces')
    .select(['id', 'session_id', 'timestamp', 'user_id'])
    .where('session_id', 'in', ids)
    .execute();
  for (const row of traces) {
    if (row.session_id === null) continue;
    foldTrace(fold(row.session_id), {
      id: row.id,
      timestamp: toNumber(row.timestamp),
      userId: row.user_id,
    });
  }
  const observations = await db
    .selectFrom('observations')
    .select([
      'id',
      'eff_session_id',
      'trace_id',
      'type',
      'name',
      'user_id',
      'start_time',
      'end_time',
      'chapter',
      'cost',
      'tokens_input',
      'tokens_output',
      'tokens_total',
      'is_error',
    ])
    .where('eff_session_id', 'in', ids)
    .orderBy('start_time')
    .orderBy('id')
    .execute();
  for (const row of observations) {
    if (row.eff_session_id === null) continue;
    foldObservation(fold(row.eff_session_id), {
      id: row.id,
      traceId: row.trace_id,
      type: row.type,
      name: row.name,
      userId: row.user_id,
      startTime: toNumber(row.start_time),
      endTime: toNumberOrNull(row.end_time),
      chapter: row.chapter,
      cost: row.cost,
      tokens: { input: row.tokens_input, output: row.tokens_output, total: row.tokens_total },
      isError: row.is_error,
    });
  }
  return folds;
}

/** The search text of each session: the stored lines plus new ones, or rebuilt from its generations. */
async function searchBodies(
  db: Db,
  ids: readonly string[],
  search: SearchChanges,
): Promise<Map<string, string>> {
  const lines = new Map<string, Set<string>>();
  const rebuild = ids.filter((id) => search.get(id)?.rebuild === true);
  const keep = ids.filter((id) => search.get(id)?.rebuild !== true);
  if (keep.length > 0) {
    const stored = await db
      .selectFrom('session_agg')
      .select(['id', 'body'])
      .where('id', 'in', keep)
      .execute();
    for (const row of stored)
      lines.set(row.id, new Set(row.body === '' ? [] : row.body.split('\n')));
  }
  if (rebuild.length > 0) {
    const generations = await db
      .selectFrom('observations')
      .select(['eff_session_id', 'record'])
      .where('eff_session_id', 'in', rebuild)
      .where('type', '=', 'GENERATION')
      .execute();
    for (const id of rebuild) lines.set(id, new Set());
    for (const row of generations) {
      if (row.eff_session_id === null) continue;
      for (const line of generationSearchLines(recordOf<ObservationRecord>(row))) {
        lines.get(row.eff_session_id)?.add(line);
      }
    }
  }
  const bodies = new Map<string, string>();
  for (const id of ids) {
    const set = lines.get(id) ?? new Set<string>();
    const change = search.get(id);
    if (change && !change.rebuild) for (const line of change.lines) set.add(line);
    bodies.set(id, [...set].join('\n'));
  }
  return bodies;
}

function aggregateRow(id: string, fold: SessionFold, body: string): SessionAggTable {
  return {
    id,
    user_id: fold.userId,
    started_at: fold.startedAt,
    last_activity_at: fold.lastActivityAt,
    duration_ms: fold.lastActivityAt - fold.startedAt,
    trace_count: fold.traceIds.size,
    generation_count: fold.generationCount,
    observation_count: fold.observationCount,
    chapter_reached: fold.chapterReached,
    cost: fold.cost,
    tokens_input: fold.tokens.input,
    tokens_output: fold.tokens.output,
    tokens_total: fold.tokens.total,
    error_count: fold.errorCount,
    ident: sessionIdentText(id, fold.userId),
    body,
  };
}
