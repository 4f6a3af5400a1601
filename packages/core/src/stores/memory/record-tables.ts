import type { ObservationRecord, SessionRecord, TraceRecord } from '../../domain/records';
import type { ScoreRecord } from '../../domain/score';
import { effectiveSessionId, replacesStored } from '../../semantics/linking';
import { TouchedSet } from '../../store/touched';
import type { UpsertBatch, UpsertResult } from '../../store/upsert';
import { validateUpsertBatch } from '../../store/validate-records';

/**
 * The raw records of the memory store, one map per entity, plus an index from trace id to the
 * observations that name it (observations without a `sessionId` follow their trace's session).
 */
export class RecordTables {
  readonly sessions = new Map<string, SessionRecord>();
  readonly traces = new Map<string, TraceRecord>();
  readonly observations = new Map<string, ObservationRecord>();
  readonly scores = new Map<string, ScoreRecord>();
  private readonly observationsByTrace = new Map<string, Set<string>>();

  /** Applies a batch under the version rule; validates everything first so a bad batch writes nothing. */
  upsert(batch: UpsertBatch): UpsertResult {
    validateUpsertBatch(batch);
    const touched = new TouchedSet();
    const written = { sessions: 0, traces: 0, observations: 0, scores: 0 };
    const skipped = { sessions: 0, traces: 0, observations: 0, scores: 0 };

    for (const session of batch.sessions ?? []) {
      const stored = this.sessions.get(session.id);
      if (stored) touched.addTime(stored.createdAt);
      this.sessions.set(session.id, structuredClone(session));
      touched.addSession(session.id);
      touched.addTime(session.createdAt);
      written.sessions++;
    }
    for (const trace of batch.traces ?? []) {
      if (this.writeTrace(trace, touched)) written.traces++;
      else skipped.traces++;
    }
    for (const observation of batch.observations ?? []) {
      if (this.writeObservation(observation, touched)) written.observations++;
      else skipped.observations++;
    }
    // Scores link to their session through the trace at query time (see `deriveScores`), so one
    // that arrives before its trace is linked once the trace is here.
    for (const score of batch.scores ?? []) {
      if (!replacesStored(score, this.scores.get(score.id))) {
        skipped.scores++;
        continue;
      }
      this.scores.set(score.id, structuredClone(score));
      written.scores++;
    }
    return { written, skipped, touched: touched.toKeys() };
  }

  /** The observations that name a trace. */
  observationsOfTrace(traceId: string): ObservationRecord[] {
    const ids = this.observationsByTrace.get(traceId) ?? new Set<string>();
    return [...ids].flatMap((id) => this.observations.get(id) ?? []);
  }

  private writeTrace(trace: TraceRecord, touched: TouchedSet): boolean {
    const stored = this.traces.get(trace.id);
    if (!replacesStored(trace, stored)) return false;
    touched.addTrace(trace.id);
    touched.addSession(trace.sessionId);
    touched.addTime(trace.timestamp);
    if (stored) {
      touched.addSession(stored.sessionId);
      touched.addTime(stored.timestamp);
    }
    // Observations without their own session follow the trace: when its session changes, theirs does.
    if (stored?.sessionId !== trace.sessionId) {
      for (const observation of this.observationsOfTrace(trace.id)) {
        if (observation.sessionId === null) touchObservation(observation, null, touched);
      }
    }
    this.traces.set(trace.id, structuredClone(trace));
    return true;
  }

  private writeObservation(observation: ObservationRecord, touched: TouchedSet): boolean {
    const stored = this.observations.get(observation.id);
    if (!replacesStored(observation, stored)) return false;
    if (stored) {
      touchObservation(stored, this.traceOf(stored), touched);
      if (stored.traceId !== null) this.observationsByTrace.get(stored.traceId)?.delete(stored.id);
    }
    touchObservation(observation, this.traceOf(observation), touched);
    this.observations.set(observation.id, structuredClone(observation));
    if (observation.traceId !== null) {
      let ids = this.observationsByTrace.get(observation.traceId);
      if (!ids) {
        ids = new Set();
        this.observationsByTrace.set(observation.traceId, ids);
      }
      ids.add(observation.id);
    }
    return true;
  }

  private traceOf(observation: ObservationRecord): TraceRecord | undefined {
    return observation.traceId === null ? undefined : this.traces.get(observation.traceId);
  }
}

/** Adds an observation's keys; with `trace` null the caller adds the session (its trace is changing). */
function touchObservation(
  observation: ObservationRecord,
  trace: TraceRecord | null | undefined,
  touched: TouchedSet,
): void {
  touched.addSession(effectiveSessionId(observation, trace));
  touched.addTrace(observation.traceId);
  touched.addAgent(observation.name);
  touched.addModel(observation.model);
  touched.addTime(observation.startTime);
}
