import {
  compareByStart,
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
import { shortSearchGrams } from '@cupid-dashboard/sql-store';
import { toNumber, toNumberOrNull } from '../db/numbers';
import type { SessionAggTable } from '../db/schema';
import type { Db } from '../db/types';
import type { BatchChanges } from './batch-changes';
import { recordOf } from './rows';
import { type SessionWrites, writeSessionRows } from './session-writes';
import { chunks } from './versions';

/** A session's row as stored before the batch. */
type StoredSession = SessionAggTable;

/**
 * Brings the aggregates of the sessions a batch touched up to date, with core's session fold:
 * a dirty session (a stored record of it changed) is folded anew from its records; any other one
 * continues the fold from its stored row with the batch's new records only, without reading its
 * traces or observations. Search text follows `changes.search`. A session nothing links to any
 * more loses its rows.
 */
export async function updateSessions(db: Db, changes: BatchChanges): Promise<void> {
  const ids = [...new Set([...changes.dirtySessions, ...changes.sessionAdditions.keys()])];
  for (const slice of chunks(ids, 500)) {
    const stored = await storedSessions(db, slice);
    // Rows stored before the user's source was kept are folded anew once.
    const full = slice.filter((id) => {
      const row = stored.get(id);
      return changes.dirtySessions.has(id) || (row?.user_id != null && row.user_kind === null);
    });
    const folds = await foldSessions(db, full);
    const traceCounts = new Map<string, number>();
    for (const id of slice) {
      if (folds.has(id) || full.includes(id)) continue;
      const fold = continuedFold(id, stored.get(id), changes);
      folds.set(id, fold);
      traceCounts.set(id, continuedTraceCount(id, fold, stored.get(id), changes));
    }
    const writes = planWrites(slice, { folds, traceCounts }, stored, changes, new Set(full));
    writes.recomputed = full;
    const bodies = await searchBodies(db, slice, stored, changes.search);
    withSearchText(writes.rows, bodies);
    await writeSessionRows(db, writes, changes.firstCallRollups);
  }
}

/**
 * Recomputes the given sessions from their records (a rebuild), search text included.
 */
export async function recomputeSessions(
  db: Db,
  ids: readonly string[],
  search: SearchChanges,
): Promise<void> {
  for (const slice of chunks(ids, 500)) {
    const folds = await foldSessions(db, slice);
    const stored = new Map<string, StoredSession>();
    const writes = planWrites(
      slice,
      { folds, traceCounts: new Map() },
      stored,
      null,
      new Set(slice),
    );
    writes.recomputed = [...slice];
    const bodies = await searchBodies(db, slice, stored, search);
    withSearchText(writes.rows, bodies);
    await writeSessionRows(db, writes, null);
  }
}

/** Sets each row's search text and the short grams of it. */
function withSearchText(rows: SessionAggTable[], bodies: ReadonlyMap<string, string>): void {
  for (const row of rows) {
    row.body = bodies.get(row.id) ?? '';
    row.grams = shortSearchGrams([row.ident, row.body]);
  }
}

async function storedSessions(db: Db, ids: readonly string[]) {
  const rows = await db.selectFrom('session_agg').selectAll().where('id', 'in', ids).execute();
  return new Map(rows.map((row) => [row.id, row]));
}

/** The stored row's fold, continued with the batch's new records of the session. */
function continuedFold(
  id: string,
  stored: StoredSession | undefined,
  changes: BatchChanges,
): SessionFold {
  const fold = stored ? storedFold(stored) : newSessionFold();
  const additions = changes.sessionAdditions.get(id);
  if (!additions) return fold;
  if (additions.createdAt !== null) foldSessionCreated(fold, additions.createdAt);
  for (const trace of additions.traces) foldTrace(fold, trace);
  for (const observation of [...additions.observations].sort(compareByStart)) {
    foldObservation(fold, observation);
  }
  return fold;
}

/** The stored trace count plus the traces the batch links to the session for the first time. */
function continuedTraceCount(
  id: string,
  fold: SessionFold,
  stored: StoredSession | undefined,
  changes: BatchChanges,
): number {
  let added = 0;
  for (const trace of fold.traceIds) if (!changes.wasLinked(id, trace)) added++;
  return (stored?.trace_count ?? 0) + added;
}

/** A stored row as the fold it was written from (its trace ids only counted, its first calls apart). */
function storedFold(row: StoredSession): SessionFold {
  return {
    startedAt: toNumber(row.started_at),
    lastActivityAt: toNumber(row.last_activity_at),
    traceIds: new Set(),
    userId: row.user_id,
    userSource:
      row.user_kind === null || row.user_source === null
        ? null
        : { kind: row.user_kind, time: toNumber(row.user_time ?? 0), id: row.user_source },
    observationCount: row.observation_count,
    generationCount: row.generation_count,
    chapterReached: row.chapter_reached,
    cost: row.cost,
    tokens: { input: row.tokens_input, output: row.tokens_output, total: row.tokens_total },
    errorCount: row.error_count,
    firstCalls: new Map(),
  };
}

/** The rows and first calls to write for a slice of sessions, and which go. */
function planWrites(
  ids: readonly string[],
  {
    folds,
    traceCounts,
  }: { folds: ReadonlyMap<string, SessionFold>; traceCounts: ReadonlyMap<string, number> },
  stored: ReadonlyMap<string, StoredSession>,
  changes: BatchChanges | null,
  full: ReadonlySet<string>,
): SessionWrites {
  const writes: SessionWrites = {
    rows: [],
    firsts: [],
    earlierFirsts: [],
    recomputed: [],
    gone: [],
  };
  for (const id of ids) {
    const fold = folds.get(id);
    if (!fold || sessionFoldIsEmpty(fold)) {
      writes.gone.push(id);
      if (stored.has(id)) changes?.count('derived_sessions', -1);
      continue;
    }
    if (!stored.has(id)) changes?.count('derived_sessions', 1);
    writes.rows.push(aggregateRow(id, fold, traceCounts.get(id) ?? fold.traceIds.size));
    const firsts = full.has(id) ? writes.firsts : writes.earlierFirsts;
    for (const [agent, start] of fold.firstCalls) {
      firsts.push({ agent, session_id: id, first_start: start });
    }
  }
  return writes;
}

/** Folds each session's record, traces and observations (in start order) into its aggregates. */
async function foldSessions(db: Db, ids: readonly string[]): Promise<Map<string, SessionFold>> {
  const folds = new Map<string, SessionFold>();
  if (ids.length === 0) return folds;
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
  stored: ReadonlyMap<string, StoredSession>,
  search: SearchChanges,
): Promise<Map<string, string>> {
  const lines = new Map<string, Set<string>>();
  const rebuild = ids.filter((id) => search.get(id)?.rebuild === true);
  for (const id of ids) {
    const body = stored.get(id)?.body ?? '';
    if (search.get(id)?.rebuild !== true)
      lines.set(id, new Set(body === '' ? [] : body.split('\n')));
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

/** A session's row from its fold; its search text (`body`) is filled in after. */
function aggregateRow(id: string, fold: SessionFold, traceCount: number): SessionAggTable {
  return {
    id,
    user_id: fold.userId,
    started_at: fold.startedAt,
    last_activity_at: fold.lastActivityAt,
    duration_ms: fold.lastActivityAt - fold.startedAt,
    trace_count: traceCount,
    generation_count: fold.generationCount,
    observation_count: fold.observationCount,
    chapter_reached: fold.chapterReached,
    cost: fold.cost,
    tokens_input: fold.tokens.input,
    tokens_output: fold.tokens.output,
    tokens_total: fold.tokens.total,
    error_count: fold.errorCount,
    ident: sessionIdentText(id, fold.userId),
    body: '',
    grams: [],
    user_kind: fold.userSource?.kind ?? null,
    user_time: fold.userSource?.time ?? null,
    user_source: fold.userSource?.id ?? null,
  };
}
