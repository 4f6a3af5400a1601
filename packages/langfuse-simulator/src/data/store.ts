import type {
  ObservationRecord,
  ScoreRecord,
  SessionRecord,
  TraceRecord,
} from '@cupid-dashboard/core';
import {
  compareObservations,
  compareScores,
  compareSessionsNewestFirst,
  compareTracesNewestFirst,
} from './order';
import { computeTraceMetrics, EMPTY_TRACE_METRICS, type TraceMetrics } from './trace-metrics';

/** Records to add or replace (upsert by id: the version published last wins). */
export interface PublishInput {
  sessions?: readonly SessionRecord[];
  traces?: readonly TraceRecord[];
  observations?: readonly ObservationRecord[];
  /** A score with a known id replaces it, as a score overwritten in Langfuse does. */
  scores?: readonly ScoreRecord[];
}

/**
 * The simulator's records, keyed by id, with newest-first arrays that are rebuilt lazily after a
 * change, so a burst of `publish` calls costs one sort and every page read is a binary search.
 */
export class SimulatorStore {
  private readonly sessionsById = new Map<string, SessionRecord>();
  private readonly tracesById = new Map<string, TraceRecord>();
  private readonly observationsById = new Map<string, ObservationRecord>();
  private readonly scoresById = new Map<string, ScoreRecord>();
  private sortedScores: ScoreRecord[] | null = null;
  private sortedSessions: SessionRecord[] | null = null;
  private sortedTraces: TraceRecord[] | null = null;
  private sortedObservations: ObservationRecord[] | null = null;
  private metrics: Map<string, TraceMetrics> | null = null;

  /** Upserts records; a trace naming an unknown session creates it, as Langfuse ingestion does. */
  publish(input: PublishInput): void {
    for (const session of input.sessions ?? []) this.sessionsById.set(session.id, session);
    for (const trace of input.traces ?? []) {
      this.tracesById.set(trace.id, trace);
      if (trace.sessionId !== null && !this.sessionsById.has(trace.sessionId)) {
        this.sessionsById.set(trace.sessionId, {
          id: trace.sessionId,
          createdAt: trace.timestamp,
          environment: trace.environment,
        });
      }
    }
    for (const observation of input.observations ?? []) {
      this.observationsById.set(observation.id, observation);
    }
    for (const score of input.scores ?? []) this.scoresById.set(score.id, score);
    if (input.scores?.length) this.sortedScores = null;
    if (input.sessions?.length || input.traces?.length) {
      this.sortedSessions = null;
    }
    if (input.traces?.length) this.sortedTraces = null;
    if (input.observations?.length) {
      this.sortedObservations = null;
      this.metrics = null;
    }
  }

  /** Sessions newest first. */
  sessions(): readonly SessionRecord[] {
    this.sortedSessions ??= [...this.sessionsById.values()].sort(compareSessionsNewestFirst);
    return this.sortedSessions;
  }

  /** Traces newest first. */
  traces(): readonly TraceRecord[] {
    this.sortedTraces ??= [...this.tracesById.values()].sort(compareTracesNewestFirst);
    return this.sortedTraces;
  }

  /** Observations newest first: start time, then trace id, then id, all descending. */
  observations(): readonly ObservationRecord[] {
    this.sortedObservations ??= [...this.observationsById.values()].sort(compareObservations);
    return this.sortedObservations;
  }

  /** Scores newest first: timestamp, then id, both descending. */
  scores(): readonly ScoreRecord[] {
    this.sortedScores ??= [...this.scoresById.values()].sort(compareScores);
    return this.sortedScores;
  }

  trace(id: string): TraceRecord | undefined {
    return this.tracesById.get(id);
  }

  /** Latency, cost and observation ids of a trace (zeros for a trace without observations). */
  traceMetrics(traceId: string): TraceMetrics {
    this.metrics ??= computeTraceMetrics(this.observations());
    return this.metrics.get(traceId) ?? EMPTY_TRACE_METRICS;
  }
}
