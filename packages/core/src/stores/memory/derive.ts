import type { EpochMs, ObservationRecord } from '../../domain/records';
import type { ScoreRecord } from '../../domain/score';
import type { DashboardPreset } from '../../presets/types';
import { observationChapter } from '../../semantics/chapters';
import { compareByStart, extractConversation } from '../../semantics/conversation';
import { observationCost } from '../../semantics/cost';
import { compareIds } from '../../semantics/ids';
import { observationLatencyMs, traceLatencyMs } from '../../semantics/latency';
import { effectiveSessionId } from '../../semantics/linking';
import {
  foldedObservation,
  foldObservation,
  foldSessionCreated,
  foldTrace,
  newSessionFold,
  type SessionFold,
} from '../../semantics/session-fold';
import { tokenCounts } from '../../semantics/tokens';
import type { TokenCounts } from '../../store/common';
import type { ConversationMessage } from '../../store/conversation';
import type { RecordTables } from './record-tables';

/** An observation with everything the queries need worked out once. */
export interface ObservationFact {
  record: ObservationRecord;
  sessionId: string | null;
  chapter: number | null;
  cost: number;
  tokens: TokenCounts;
  latencyMs: number | null;
  isError: boolean;
}

/**
 * A session's aggregates (core's session fold); status is left to query time because it depends
 * on `now`.
 */
export interface SessionAggregate extends SessionFold {
  id: string;
  observations: ObservationRecord[];
  /** Worked out on first use: most queries never need it. */
  conversation: ConversationMessage[] | null;
}

/** A trace as v4 defines it: its record (if any) plus its observations. */
export interface TraceAggregate {
  id: string;
  /** The record's timestamp, else its earliest observation start. */
  timestamp: EpochMs;
  latencyMs: number | null;
  cost: number;
}

/** A score with its session (its own, else its trace's) and the agent and model it judges. */
export interface ScoreFactOf {
  record: ScoreRecord;
  sessionId: string | null;
  /** The name and model of the observation it is attached to, when that observation is known. */
  agent: string | null;
  model: string | null;
}

/** Everything derived from the raw records. */
export interface DerivedData {
  facts: ObservationFact[];
  /** By timestamp, then id: the order every store folds a session's scores in. */
  scores: ScoreFactOf[];
  sessions: Map<string, SessionAggregate>;
  traces: Map<string, TraceAggregate>;
  /** Agent → session → start of the agent's first call in that session. */
  firstCalls: Map<string, Map<string, EpochMs>>;
  agents: Set<string>;
  models: Set<string>;
}

/**
 * Derives every aggregate from the raw records in one pass. The memory store recomputes it all
 * after any write: simple to read and obviously right, which is what a reference is for.
 */
export function deriveData(tables: RecordTables, preset: DashboardPreset): DerivedData {
  const facts = [...tables.observations.values()]
    .sort(compareByStart)
    .map((record) => factOf(record, tables, preset));
  const sessions = new Map<string, SessionAggregate>();
  const session = (id: string): SessionAggregate => {
    let aggregate = sessions.get(id);
    if (!aggregate) {
      aggregate = { ...newSessionFold(), id, observations: [], conversation: null };
      sessions.set(id, aggregate);
    }
    return aggregate;
  };

  for (const record of tables.sessions.values()) {
    foldSessionCreated(session(record.id), record.createdAt);
  }
  for (const trace of tables.traces.values()) {
    if (trace.sessionId !== null) foldTrace(session(trace.sessionId), trace);
  }
  for (const fact of facts) {
    if (fact.sessionId === null) continue;
    const aggregate = session(fact.sessionId);
    const { record } = fact;
    foldObservation(aggregate, foldedObservation(record, fact));
    aggregate.observations.push(record);
  }

  return {
    facts,
    scores: deriveScores(tables),
    sessions,
    traces: deriveTraces(tables, facts),
    firstCalls: deriveFirstCalls(sessions),
    agents: new Set(facts.flatMap((fact) => fact.record.name ?? [])),
    models: new Set(facts.flatMap((fact) => fact.record.model ?? [])),
  };
}

/** The conversation of a session, extracted once and kept. */
export function sessionConversation(
  aggregate: SessionAggregate,
  preset: DashboardPreset,
): ConversationMessage[] {
  aggregate.conversation ??= extractConversation(aggregate.observations, preset);
  return aggregate.conversation;
}

function factOf(
  record: ObservationRecord,
  tables: RecordTables,
  preset: DashboardPreset,
): ObservationFact {
  const trace = record.traceId === null ? undefined : tables.traces.get(record.traceId);
  return {
    record,
    sessionId: effectiveSessionId(record, trace),
    chapter: observationChapter(record, preset),
    cost: observationCost(record),
    tokens: tokenCounts(record.usageDetails),
    latencyMs: observationLatencyMs(record),
    isError: record.level === 'ERROR',
  };
}

function deriveScores(tables: RecordTables): ScoreFactOf[] {
  return [...tables.scores.values()]
    .sort((a, b) => a.timestamp - b.timestamp || compareIds(a.id, b.id))
    .map((record) => {
      const trace = record.traceId === null ? undefined : tables.traces.get(record.traceId);
      const observation =
        record.observationId === null ? undefined : tables.observations.get(record.observationId);
      return {
        record,
        sessionId: record.sessionId ?? trace?.sessionId ?? null,
        agent: observation?.name ?? null,
        model: observation?.model ?? null,
      };
    });
}

function deriveTraces(
  tables: RecordTables,
  facts: readonly ObservationFact[],
): Map<string, TraceAggregate> {
  const byTrace = new Map<string, ObservationFact[]>();
  for (const fact of facts) {
    const { traceId } = fact.record;
    if (traceId === null) continue;
    const list = byTrace.get(traceId) ?? [];
    list.push(fact);
    byTrace.set(traceId, list);
  }
  const ids = new Set([...tables.traces.keys(), ...byTrace.keys()]);
  const traces = new Map<string, TraceAggregate>();
  for (const id of ids) {
    const members = byTrace.get(id) ?? [];
    const records = members.map((fact) => fact.record);
    const earliest = records[0]?.startTime;
    traces.set(id, {
      id,
      timestamp: tables.traces.get(id)?.timestamp ?? earliest ?? 0,
      latencyMs: traceLatencyMs(records),
      cost: members.reduce((sum, fact) => sum + fact.cost, 0),
    });
  }
  return traces;
}

function deriveFirstCalls(
  sessions: ReadonlyMap<string, SessionAggregate>,
): Map<string, Map<string, EpochMs>> {
  const firstCalls = new Map<string, Map<string, EpochMs>>();
  for (const [sessionId, aggregate] of sessions) {
    for (const [agent, first] of aggregate.firstCalls) {
      let bySession = firstCalls.get(agent);
      if (!bySession) {
        bySession = new Map();
        firstCalls.set(agent, bySession);
      }
      bySession.set(sessionId, first);
    }
  }
  return firstCalls;
}
