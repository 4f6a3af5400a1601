import { createHash } from 'node:crypto';
import type {
  ObservationRecord,
  ScoreRecord,
  SessionRecord,
  TraceRecord,
} from '@cupid-dashboard/core';

/** Records to compare: the simulator's truth or a store's contents. */
export interface RecordSet {
  sessions: readonly SessionRecord[];
  traces: readonly TraceRecord[];
  observations: readonly ObservationRecord[];
  /** Absent means none. */
  scores?: readonly ScoreRecord[];
}

/**
 * Which fields a checksum covers: what a client reading that API generation can reproduce.
 * `'v2'` includes observations' `updatedAt` (the v2 `time` group serves it); `'legacy'` leaves it
 * out, because legacy observations carry no `updatedAt`.
 */
export type ChecksumScope = 'v2' | 'legacy';

/** One sha256 hex digest per record kind, and one over sessions, traces and observations. */
export interface Checksums {
  sessions: string;
  traces: string;
  observations: string;
  /** Scores: both generations serve every field it covers, so it has no scope. */
  scores: string;
  all: string;
}

/** The ground truth: the records as currently served, with helpers. */
export interface Truth extends RecordSet {
  scores: readonly ScoreRecord[];
  /** Record counts; scores are counted in `scores.length`. */
  counts: { sessions: number; traces: number; observations: number };
  /** `checksums('v2').all`. */
  checksum: string;
  /** {@link checksumRecords} of these records. */
  checksums(scope?: ChecksumScope): Checksums;
  /** The same truth without the given record ids (e.g. `sim.malformedIds`). */
  without(ids: Iterable<string>): Truth;
}

function digest<T extends { id: string }>(records: readonly T[], line: (record: T) => string) {
  const hash = createHash('sha256');
  const sorted = [...records].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const record of sorted) hash.update(`${line(record)}\n`);
  return hash.digest('hex');
}

/**
 * Stable sha256 digests over ids and the fields that change over time (end time, cost, level,
 * updatedAt, ...), independent of record order. A store holding the same versions as the
 * simulator gives the same digests. Trace `updatedAt` is never covered: no endpoint serves it.
 *
 * @example
 * const { observations } = checksumRecords({ observations: await store.allObservations() });
 * expect(observations).toBe(sim.truth().checksums().observations);
 */
export function checksumRecords(
  records: Partial<RecordSet>,
  scope: ChecksumScope = 'v2',
): Checksums {
  const sessions = digest(records.sessions ?? [], (s) => `${s.id}|${s.createdAt}`);
  const traces = digest(
    records.traces ?? [],
    (t) => `${t.id}|${t.timestamp}|${t.sessionId}|${t.userId}|${t.name}`,
  );
  const observations = digest(records.observations ?? [], (o) => {
    const base = `${o.id}|${o.traceId}|${o.startTime}|${o.endTime}|${o.totalCost}|${o.level}`;
    return scope === 'v2' ? `${base}|${o.updatedAt}` : base;
  });
  const scores = digest(
    records.scores ?? [],
    (s) =>
      `${s.id}|${s.name}|${s.dataType}|${s.value}|${s.stringValue}|${s.source}|${s.traceId}|${s.observationId}|${s.sessionId}|${s.timestamp}|${s.comment}|${s.updatedAt}`,
  );
  const all = createHash('sha256').update(`${sessions}|${traces}|${observations}`).digest('hex');
  return { sessions, traces, observations, scores, all };
}

/**
 * Builds a {@link Truth} from record arrays.
 *
 * @example
 * buildTruth({ sessions: [], traces: [], observations }).counts.observations; // observations.length
 */
export function buildTruth(records: RecordSet): Truth {
  return {
    sessions: records.sessions,
    traces: records.traces,
    observations: records.observations,
    scores: records.scores ?? [],
    counts: {
      sessions: records.sessions.length,
      traces: records.traces.length,
      observations: records.observations.length,
    },
    get checksum() {
      return checksumRecords(records).all;
    },
    checksums: (scope) => checksumRecords(records, scope),
    without(ids) {
      const excluded = new Set(ids);
      const keep = <T extends { id: string }>(list: readonly T[]) =>
        list.filter((record) => !excluded.has(record.id));
      return buildTruth({
        sessions: keep(records.sessions),
        traces: keep(records.traces),
        observations: keep(records.observations),
        scores: keep(records.scores ?? []),
      });
    },
  };
}
