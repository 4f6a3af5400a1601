import { createHash } from 'node:crypto';
import type { ObservationRecord, SessionRecord, TraceRecord } from '@cupid-dashboard/core';

/** Records to compare: the simulator's truth or a store's contents. */
export interface RecordSet {
  sessions: readonly SessionRecord[];
  traces: readonly TraceRecord[];
  observations: readonly ObservationRecord[];
}

/** The ground truth: the records as currently served, with helpers. */
export interface Truth extends RecordSet {
  counts: { sessions: number; traces: number; observations: number };
  /** {@link checksumRecords} of these records. */
  checksum: string;
  /** The same truth without the given record ids (e.g. `sim.malformedIds`). */
  without(ids: Iterable<string>): Truth;
}

function byId<T extends { id: string }>(records: readonly T[]): T[] {
  return [...records].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * A stable sha256 over ids and the fields that change over time (end time, cost, level,
 * updatedAt, ...), independent of record order. A store holding the same versions as the
 * simulator gives the same checksum.
 *
 * @example
 * expect(checksumRecords(await readEverything(store))).toBe(sim.truth().checksum);
 */
export function checksumRecords(records: RecordSet): string {
  const hash = createHash('sha256');
  for (const s of byId(records.sessions)) hash.update(`s|${s.id}|${s.createdAt}\n`);
  for (const t of byId(records.traces)) {
    hash.update(`t|${t.id}|${t.timestamp}|${t.sessionId}|${t.userId}|${t.name}|${t.updatedAt}\n`);
  }
  for (const o of byId(records.observations)) {
    hash.update(
      `o|${o.id}|${o.traceId}|${o.startTime}|${o.endTime}|${o.totalCost}|${o.level}|${o.updatedAt}\n`,
    );
  }
  return hash.digest('hex');
}

/** Builds a {@link Truth} from record arrays. */
export function buildTruth(records: RecordSet): Truth {
  const truth: Truth = {
    sessions: records.sessions,
    traces: records.traces,
    observations: records.observations,
    counts: {
      sessions: records.sessions.length,
      traces: records.traces.length,
      observations: records.observations.length,
    },
    get checksum() {
      return checksumRecords(records);
    },
    without(ids) {
      const excluded = new Set(ids);
      const keep = <T extends { id: string }>(list: readonly T[]) =>
        list.filter((record) => !excluded.has(record.id));
      return buildTruth({
        sessions: keep(records.sessions),
        traces: keep(records.traces),
        observations: keep(records.observations),
      });
    },
  };
  return truth;
}
