import type { EpochMs, ObservationRecord } from '../domain/records';
import type { TokenCounts } from '../store/common';
import { activityEnd } from './activity';

/**
 * A session's aggregates while its records are folded in, as every store derives them: it is
 * known through its record, its traces or its observations (effective session); it starts at the
 * earliest and ends at the latest of their times; its user is its earliest trace's with a user,
 * else its earliest observation's. Status is not here: it depends on `now` (see `sessionStatus`).
 *
 * Start with {@link newSessionFold}, feed {@link foldSessionCreated}, {@link foldTrace} and
 * {@link foldObservation} in any order, except that observations must come in `compareByStart`
 * order for `cost` to be the same float sum in every store.
 */
export interface SessionFold {
  /** Epoch ms; `+Infinity` while nothing was folded in. */
  startedAt: EpochMs;
  /** Epoch ms; `-Infinity` while nothing was folded in. */
  lastActivityAt: EpochMs;
  traceIds: Set<string>;
  userId: string | null;
  /** Where `userId` came from, to keep the earliest trace's over any observation's. */
  userSource: { kind: 'trace' | 'observation'; time: EpochMs; id: string } | null;
  observationCount: number;
  generationCount: number;
  chapterReached: number | null;
  /** USD, summed in the order observations were folded in. */
  cost: number;
  tokens: TokenCounts;
  errorCount: number;
  /** Agent (observation name) → start of its first call in the session, epoch ms. */
  firstCalls: Map<string, EpochMs>;
}

/** The trace fields a session fold reads. */
export interface SessionFoldTrace {
  id: string;
  /** Epoch ms. */
  timestamp: EpochMs;
  userId: string | null;
}

/** The observation facts a session fold reads (worked out once per observation by the store). */
export interface SessionFoldObservation {
  id: string;
  traceId: string | null;
  /** The observation type; `GENERATION` counts as a generation. */
  type: string;
  name: string | null;
  userId: string | null;
  /** Epoch ms. */
  startTime: EpochMs;
  /** Epoch ms; null while open. */
  endTime: EpochMs | null;
  /** The chapter it marks (`observationChapter`), null for none. */
  chapter: number | null;
  /** USD (`observationCost`). */
  cost: number;
  tokens: TokenCounts;
  isError: boolean;
}

/** What a store derives of an observation at write time that its fold reads beside the record. */
export type ObservationFoldFacts = Pick<
  SessionFoldObservation,
  'chapter' | 'cost' | 'tokens' | 'isError'
>;

/**
 * An observation as its session's fold takes it: the record's own fields and the facts derived
 * from it (chapter, cost, tokens, error).
 *
 * @example
 * foldObservation(fold, foldedObservation(record, { chapter, cost, tokens, isError }));
 */
export function foldedObservation(
  record: ObservationRecord,
  facts: ObservationFoldFacts,
): SessionFoldObservation {
  return {
    id: record.id,
    traceId: record.traceId,
    type: record.type,
    name: record.name,
    userId: record.userId,
    startTime: record.startTime,
    endTime: record.endTime,
    chapter: facts.chapter,
    cost: facts.cost,
    tokens: facts.tokens,
    isError: facts.isError,
  };
}

/**
 * A fold with nothing in it.
 *
 * @example
 * const fold = newSessionFold();
 * foldSessionCreated(fold, record.createdAt);
 * for (const trace of traces) foldTrace(fold, trace);
 * sessionFoldIsEmpty(fold); // false
 */
export function newSessionFold(): SessionFold {
  return {
    startedAt: Number.POSITIVE_INFINITY,
    lastActivityAt: Number.NEGATIVE_INFINITY,
    traceIds: new Set(),
    userId: null,
    userSource: null,
    observationCount: 0,
    generationCount: 0,
    chapterReached: null,
    cost: 0,
    tokens: { input: 0, output: 0, total: 0 },
    errorCount: 0,
    firstCalls: new Map(),
  };
}

/** Whether nothing links to the session: no record, trace or observation was folded in. */
export function sessionFoldIsEmpty(fold: SessionFold): boolean {
  return fold.startedAt === Number.POSITIVE_INFINITY;
}

/**
 * Folds in the session's own record.
 *
 * @param createdAt epoch ms
 */
export function foldSessionCreated(fold: SessionFold, createdAt: EpochMs): void {
  widen(fold, createdAt, createdAt);
}

/** Folds in one trace of the session. */
export function foldTrace(fold: SessionFold, trace: SessionFoldTrace): void {
  widen(fold, trace.timestamp, trace.timestamp);
  fold.traceIds.add(trace.id);
  if (trace.userId !== null) offerUser(fold, 'trace', trace.timestamp, trace.id, trace.userId);
}

/**
 * Folds in one observation of the session (its effective session: its own, else its trace's).
 * Observations must come in `compareByStart` order (see {@link SessionFold}).
 */
export function foldObservation(fold: SessionFold, observation: SessionFoldObservation): void {
  const { startTime } = observation;
  widen(fold, startTime, activityEnd(startTime, observation.endTime));
  if (observation.traceId !== null) fold.traceIds.add(observation.traceId);
  fold.observationCount++;
  if (observation.type === 'GENERATION') fold.generationCount++;
  if (
    observation.chapter !== null &&
    (fold.chapterReached === null || observation.chapter > fold.chapterReached)
  ) {
    fold.chapterReached = observation.chapter;
  }
  fold.cost += observation.cost;
  fold.tokens.input += observation.tokens.input;
  fold.tokens.output += observation.tokens.output;
  fold.tokens.total += observation.tokens.total;
  if (observation.isError) fold.errorCount++;
  if (observation.userId !== null) {
    offerUser(fold, 'observation', startTime, observation.id, observation.userId);
  }
  if (observation.name !== null) {
    const first = fold.firstCalls.get(observation.name);
    if (first === undefined || startTime < first) fold.firstCalls.set(observation.name, startTime);
  }
}

function widen(fold: SessionFold, start: EpochMs, end: EpochMs): void {
  if (start < fold.startedAt) fold.startedAt = start;
  if (end > fold.lastActivityAt) fold.lastActivityAt = end;
}

/** Keeps the earliest trace's user, else the earliest observation's (ties by id). */
function offerUser(
  fold: SessionFold,
  kind: 'trace' | 'observation',
  time: EpochMs,
  id: string,
  userId: string,
): void {
  const current = fold.userSource;
  const better =
    current === null ||
    (kind === 'trace' && current.kind === 'observation') ||
    (kind === current.kind && (time < current.time || (time === current.time && id < current.id)));
  if (!better) return;
  fold.userId = userId;
  fold.userSource = { kind, time, id };
}
