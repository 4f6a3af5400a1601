import { bucketStart, type EpochMs, type TouchedKeys } from '@cupid-dashboard/core';

/** A growing set of touched keys; `toKeys()` gives the arrays of core's `TouchedKeys`. */
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

  /** An observation's keys: session, trace, agent, model and hour. */
  addObservation(fact: {
    effSessionId: string | null;
    traceId: string | null;
    name: string | null;
    model: string | null;
    startTime: number;
  }): void {
    this.addSession(fact.effSessionId);
    this.addTrace(fact.traceId);
    if (fact.name !== null) this.agentNames.add(fact.name);
    if (fact.model !== null) this.models.add(fact.model);
    this.addTime(fact.startTime);
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
