import type { SearchChanges } from '@cupid-dashboard/core';
import { chunks } from '../chunks';
import { SESSION_FACT_COLUMNS } from '../db/columns';
import type { AgentFirstTable, SessionAggTable } from '../db/schema';
import type { Db } from '../db/types';
import { AgentSessionDeltas } from './agent-sessions';
import type { BatchIndex } from './batch-index';
import { insertAgentFirsts, upsertSessionAggregates } from './inserts';
import { SessionRollupDeltas } from './session-rollups';
import { writeSessionSearch } from './session-search';
import { gatherSessionSources, type SessionSources } from './session-sources';
import { type SessionValues, sessionValues } from './session-values';

/** A session row as stored before the batch, with what its rollups and first calls need. */
type StoredSession = Pick<
  SessionAggTable,
  'id' | 'user_id' | 'first_calls' | (typeof SESSION_FACT_COLUMNS)[number]
> & { rowid: number };

/** What the batch changes in one slice of sessions. */
interface SessionChanges {
  upserts: SessionValues[];
  removed: string[];
  firstRows: AgentFirstTable[];
  staleFirsts: AgentFirstTable[];
  knownDelta: number;
}

/**
 * Recomputes the aggregates of the given sessions from their records (one query per table for
 * a whole slice of sessions) through core's session fold, the first call of each agent in them,
 * their search text, and the session and first-call rollups. Sessions nothing links to any more
 * are removed.
 *
 * @returns the change in the number of known sessions
 */
export async function refreshSessions(
  db: Db,
  ids: readonly string[],
  search: SearchChanges,
  batch: BatchIndex | null,
): Promise<number> {
  let knownDelta = 0;
  const rollups = { agentSessions: new AgentSessionDeltas(), sessions: new SessionRollupDeltas() };
  for (const slice of chunks(ids, 400)) {
    const stored = await readStoredSessions(db, slice);
    const fromBatch = sessionsOnlyInBatch(slice, stored, search, batch);
    const sources = await gatherSessionSources(db, slice, fromBatch, batch);
    const changes = diffSessions(slice, stored, sources, rollups);
    await writeSessionChanges(db, changes, stored, search);
    knownDelta += changes.knownDelta;
  }
  await rollups.agentSessions.apply(db);
  await rollups.sessions.apply(db);
  return knownDelta;
}

async function readStoredSessions(
  db: Db,
  ids: readonly string[],
): Promise<Map<string, StoredSession>> {
  const rows = await db
    .selectFrom('session_agg')
    .select(['rowid', 'id', 'user_id', ...SESSION_FACT_COLUMNS, 'first_calls'])
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((row) => [row.id, row]));
}

/** Sessions unknown before the batch and not re-linked by it: all their records are in it. */
function sessionsOnlyInBatch(
  ids: readonly string[],
  stored: ReadonlyMap<string, StoredSession>,
  search: SearchChanges,
  batch: BatchIndex | null,
): Set<string> {
  if (batch === null) return new Set();
  return new Set(ids.filter((id) => !stored.has(id) && search.get(id)?.rebuild !== true));
}

/** Folds each session anew and moves the rollups from its stored values to the new ones. */
function diffSessions(
  ids: readonly string[],
  stored: ReadonlyMap<string, StoredSession>,
  sources: SessionSources,
  rollups: { agentSessions: AgentSessionDeltas; sessions: SessionRollupDeltas },
): SessionChanges {
  const changes: SessionChanges = {
    upserts: [],
    removed: [],
    firstRows: [],
    staleFirsts: [],
    knownDelta: 0,
  };
  for (const id of ids) {
    const next = sessionValues(
      id,
      sources.createdAt.get(id),
      sources.traces.get(id) ?? [],
      sources.observations.get(id) ?? [],
    );
    const before = stored.get(id);
    if (before) rollups.sessions.shift(before, -1);
    if (next) {
      changes.upserts.push(next.values);
      rollups.sessions.shift(next.values, 1);
    } else if (before) changes.removed.push(id);
    changes.knownDelta += (next ? 1 : 0) - (before ? 1 : 0);
    diffFirstCalls(id, before, next?.firstCalls ?? new Map(), changes, rollups.agentSessions);
  }
  return changes;
}

/** The first calls that moved; the stored ones come with the session row, so none is read. */
function diffFirstCalls(
  sessionId: string,
  stored: StoredSession | undefined,
  after: ReadonlyMap<string, number>,
  changes: SessionChanges,
  agentSessions: AgentSessionDeltas,
): void {
  const before = new Map<string, number>(
    Object.entries(stored ? (JSON.parse(stored.first_calls) as Record<string, number>) : {}),
  );
  for (const [agent, first] of before) {
    if (after.get(agent) === first) continue;
    agentSessions.shift(agent, first, -1);
    changes.staleFirsts.push({ session_id: sessionId, agent, first_start: first });
  }
  for (const [agent, first] of after) {
    if (before.get(agent) === first) continue;
    agentSessions.shift(agent, first, 1);
    changes.firstRows.push({ session_id: sessionId, agent, first_start: first });
  }
}

async function writeSessionChanges(
  db: Db,
  changes: SessionChanges,
  stored: ReadonlyMap<string, StoredSession>,
  search: SearchChanges,
): Promise<void> {
  for (const row of changes.staleFirsts) {
    await db
      .deleteFrom('agent_first')
      .where('first_start', '=', row.first_start)
      .where('agent', '=', row.agent)
      .where('session_id', '=', row.session_id)
      .execute();
  }
  await insertAgentFirsts(db, changes.firstRows);
  const rowids = new Map<string, number>();
  for (const row of await upsertSessionAggregates(db, changes.upserts)) {
    rowids.set(row.id, row.rowid);
  }
  const { removed } = changes;
  if (removed.length > 0) await db.deleteFrom('session_agg').where('id', 'in', removed).execute();
  await writeSessionSearch(db, {
    sessions: changes.upserts.map((values) => ({
      id: values.id,
      userId: values.user_id,
      rowid: rowids.get(values.id) as number,
      stored: stored.get(values.id) ?? null,
    })),
    removedRowids: removed.map((id) => stored.get(id)?.rowid as number),
    search,
  });
}
