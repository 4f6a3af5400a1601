import type { EpochMs, ObservationRecord } from '../../domain/records';
import type { DashboardPreset } from '../../presets/types';
import { observationChapter } from '../../semantics/chapters';
import { compareByStart, extractConversation } from '../../semantics/conversation';
import { observationCost } from '../../semantics/cost';
import { observationLatencyMs, traceLatencyMs } from '../../semantics/latency';
import { effectiveSessionId } from '../../semantics/linking';
import { addTokens, tokenCounts, ZERO_TOKENS } from '../../semantics/tokens';
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

/** A session's aggregates; status is left to query time because it depends on `now`. */
export interface SessionAggregate {
  id: string;
  userId: string | null;
  startedAt: EpochMs;
  lastActivityAt: EpochMs;
  traceIds: Set<string>;
  observationCount: number;
  generationCount: number;
  chapterReached: number | null;
  cost: number;
  tokens: TokenCounts;
  errorCount: number;
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

/** Everything derived from the raw records. */
export interface DerivedData {
  facts: ObservationFact[];
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
  const session = (id: string, time: EpochMs): SessionAggregate => {
    let aggregate = sessions.get(id);
    if (!aggregate) {
      aggregate = emptySession(id, time);
      sessions.set(id, aggregate);
    }
    return aggregate;
  };

  for (const record of tables.sessions.values()) {
    touchTime(session(record.id, record.createdAt), record.createdAt, record.createdAt);
  }
  const tracesBySession = [...tables.traces.values()].sort(
    (a, b) => a.timestamp - b.timestamp || compareIds(a.id, b.id),
  );
  for (const trace of tracesBySession) {
    if (trace.sessionId === null) continue;
    const aggregate = session(trace.sessionId, trace.timestamp);
    touchTime(aggregate, trace.timestamp, trace.timestamp);
    aggregate.traceIds.add(trace.id);
    // Traces come oldest first, so the first user seen is the earliest trace's.
    if (aggregate.userId === null && trace.userId !== null) aggregate.userId = trace.userId;
  }
  for (const fact of facts) {
    if (fact.sessionId === null) continue;
    const { record } = fact;
    const aggregate = session(fact.sessionId, record.startTime);
    touchTime(
      aggregate,
      record.startTime,
      Math.max(record.startTime, record.endTime ?? record.startTime),
    );
    if (record.traceId !== null) aggregate.traceIds.add(record.traceId);
    aggregate.observationCount++;
    if (record.type === 'GENERATION') aggregate.generationCount++;
    if (
      fact.chapter !== null &&
      (aggregate.chapterReached === null || fact.chapter > aggregate.chapterReached)
    ) {
      aggregate.chapterReached = fact.chapter;
    }
    aggregate.cost += fact.cost;
    aggregate.tokens = addTokens(aggregate.tokens, fact.tokens);
    if (fact.isError) aggregate.errorCount++;
    // Only when no trace gave a user; facts come oldest first.
    if (aggregate.userId === null && record.userId !== null) {
      aggregate.userId = record.userId;
    }
    aggregate.observations.push(record);
  }

  return {
    facts,
    sessions,
    traces: deriveTraces(tables, facts),
    firstCalls: deriveFirstCalls(facts),
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

/** Compares ids by UTF-16 code units, the order SQL's BINARY collation gives for ASCII ids. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
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

function emptySession(id: string, time: EpochMs): SessionAggregate {
  return {
    id,
    userId: null,
    startedAt: time,
    lastActivityAt: time,
    traceIds: new Set(),
    observationCount: 0,
    generationCount: 0,
    chapterReached: null,
    cost: 0,
    tokens: { ...ZERO_TOKENS },
    errorCount: 0,
    observations: [],
    conversation: null,
  };
}

function touchTime(aggregate: SessionAggregate, start: EpochMs, end: EpochMs): void {
  aggregate.startedAt = Math.min(aggregate.startedAt, start);
  aggregate.lastActivityAt = Math.max(aggregate.lastActivityAt, end);
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

function deriveFirstCalls(facts: readonly ObservationFact[]): Map<string, Map<string, EpochMs>> {
  const firstCalls = new Map<string, Map<string, EpochMs>>();
  for (const { record, sessionId } of facts) {
    if (record.name === null || sessionId === null) continue;
    let bySession = firstCalls.get(record.name);
    if (!bySession) {
      bySession = new Map();
      firstCalls.set(record.name, bySession);
    }
    // Facts are sorted by start time, so the first one seen is the first call.
    if (!bySession.has(sessionId)) bySession.set(sessionId, record.startTime);
  }
  return firstCalls;
}
