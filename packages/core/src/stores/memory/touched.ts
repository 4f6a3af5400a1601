import type { EpochMs } from '../../domain/records';
import { bucketStart } from '../../semantics/buckets';
import type { TouchedKeys } from '../../store/upsert';

/** A growing set of touched keys; `toKeys()` gives the plain arrays of {@link TouchedKeys}. */
export class TouchedSet {
  readonly sessionIds = new Set<string>();
  readonly traceIds = new Set<string>();
  readonly agentNames = new Set<string>();
  readonly models = new Set<string>();
  readonly hourBuckets = new Set<EpochMs>();

  addSession(id: string | null): void {
    if (id !== null) this.sessionIds.add(id);
  }

  addTrace(id: string | null): void {
    if (id !== null) this.traceIds.add(id);
  }

  addAgent(name: string | null): void {
    if (name !== null) this.agentNames.add(name);
  }

  addModel(model: string | null): void {
    if (model !== null) this.models.add(model);
  }

  addTime(time: EpochMs): void {
    this.hourBuckets.add(bucketStart(time, 'hour'));
  }

  addAll(keys: TouchedKeys): void {
    for (const id of keys.sessionIds) this.sessionIds.add(id);
    for (const id of keys.traceIds) this.traceIds.add(id);
    for (const name of keys.agentNames) this.agentNames.add(name);
    for (const model of keys.models) this.models.add(model);
    for (const hour of keys.hourBuckets) this.hourBuckets.add(hour);
  }

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
