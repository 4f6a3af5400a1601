import type { EpochMs } from '../domain/records';
import { bucketStart } from '../semantics/buckets';
import type { TouchedKeys } from './upsert';

/**
 * A growing set of touched keys (what an upsert changed, for the next refresh); `toKeys()` gives
 * the plain arrays of {@link TouchedKeys}. Null and undefined keys are ignored, since records
 * without a session, trace, name or model touch nothing under that key. Times are kept as the
 * start of their UTC hour.
 *
 * @example
 * const touched = new TouchedSet();
 * touched.addSession('s1');
 * touched.addTime(Date.parse('2026-11-20T10:42:00Z'));
 * touched.toKeys().hourBuckets; // [Date.parse('2026-11-20T10:00:00Z')]
 */
export class TouchedSet {
  readonly sessionIds = new Set<string>();
  readonly traceIds = new Set<string>();
  readonly agentNames = new Set<string>();
  readonly models = new Set<string>();
  readonly hourBuckets = new Set<EpochMs>();

  addSession(id: string | null | undefined): void {
    if (id !== null && id !== undefined) this.sessionIds.add(id);
  }

  addTrace(id: string | null | undefined): void {
    if (id !== null && id !== undefined) this.traceIds.add(id);
  }

  addAgent(name: string | null | undefined): void {
    if (name !== null && name !== undefined) this.agentNames.add(name);
  }

  addModel(model: string | null | undefined): void {
    if (model !== null && model !== undefined) this.models.add(model);
  }

  /** Adds the UTC hour containing `time` (epoch ms). */
  addTime(time: EpochMs): void {
    this.hourBuckets.add(bucketStart(time, 'hour'));
  }

  /**
   * An observation's keys: its effective session (its own, else its trace's), trace, agent name,
   * model and start hour. The caller resolves the session, since only it knows the trace.
   */
  addObservation(fact: {
    effSessionId: string | null;
    traceId: string | null;
    name: string | null;
    model: string | null;
    startTime: EpochMs;
  }): void {
    this.addSession(fact.effSessionId);
    this.addTrace(fact.traceId);
    this.addAgent(fact.name);
    this.addModel(fact.model);
    this.addTime(fact.startTime);
  }

  addAll(keys: TouchedKeys): void {
    for (const id of keys.sessionIds) this.sessionIds.add(id);
    for (const id of keys.traceIds) this.traceIds.add(id);
    for (const name of keys.agentNames) this.agentNames.add(name);
    for (const model of keys.models) this.models.add(model);
    for (const hour of keys.hourBuckets) this.hourBuckets.add(hour);
  }

  /** Fresh arrays in insertion order; later adds do not change them. */
  toKeys(): TouchedKeys {
    return {
      sessionIds: [...this.sessionIds],
      traceIds: [...this.traceIds],
      agentNames: [...this.agentNames],
      models: [...this.models],
      hourBuckets: [...this.hourBuckets],
    };
  }
}
