import { cupidPreset } from '../../presets/cupid';
import { bucketStart } from '../../semantics/buckets';
import { countTouched } from '../../store/count-touched';
import type { DataVersion } from '../../store/data-version';
import { StoreError } from '../../store/errors';
import type { DashboardStore, DashboardStoreOptions } from '../../store/store';
import { storedAny } from '../../store/stored-any';
import { TouchedSet } from '../../store/touched';
import type { RefreshResult, TouchedKeys } from '../../store/upsert';
import { type DerivedData, deriveData } from './derive';
import { memoryReads } from './reads';
import { RecordTables } from './record-tables';
import { SyncStateCell } from './sync-state';

/**
 * The reference `DashboardStore`: everything in plain maps, every answer computed straight from
 * the records by the functions in `semantics`. It is the executable specification the
 * conformance suite holds other stores to, and a fine store for tests, demos and small datasets
 * (queries scan everything, so keep it under ~100k observations). Writes show in queries at once;
 * `refresh` only reports what it would have recomputed.
 *
 * @param options `preset` (default `cupidPreset`); `now` (default `Date.now`), the clock read
 *   where a query omits `now`
 * @example
 * const store = createMemoryStore({ now: () => Date.parse('2026-11-20T12:00:00Z') });
 * const { touched } = await store.upsert({ observations });
 * await store.refresh(touched);
 * const { items, total } = await store.listSessions({ status: 'active' });
 */
export function createMemoryStore(options: DashboardStoreOptions = {}): DashboardStore {
  const preset = options.preset ?? cupidPreset;
  const clock = options.now ?? Date.now;
  const tables = new RecordTables();
  const syncState = new SyncStateCell();
  let pending = new TouchedSet();
  let derived: DerivedData | null = null;
  let closed = false;
  // The data version: this store's id (no two stores share one) and its count of writes.
  const instance = newInstanceId();
  let writes = 0;
  const dataVersion = (): DataVersion => `${instance}:${writes}`;

  /** Runs a method body unless the store is closed; async so every failure is a rejection. */
  const use = async <T>(body: () => T | Promise<T>): Promise<T> => {
    if (closed) throw new StoreError('STORE_UNAVAILABLE', 'The memory store is closed');
    return body();
  };
  const data = (): DerivedData => {
    derived ??= deriveData(tables, preset);
    return derived;
  };
  const reads = memoryReads({ data, syncState: () => syncState.get() }, preset, clock, use);

  return {
    engine: 'memory',
    preset,

    upsert: (batch) =>
      use(() => {
        const result = tables.upsert(batch);
        pending.addAll(result.touched);
        if (storedAny(result)) {
          derived = null;
          writes++;
        }
        return result;
      }),

    refresh: (touched) =>
      use((): RefreshResult => {
        const keys: TouchedKeys =
          touched === 'all' ? allKeys(data()) : touched === undefined ? pending.toKeys() : touched;
        pending = new TouchedSet();
        // A repair rewrites every derived row in a SQL store; here it counts as a write too, so
        // every store's version moves on the same calls.
        if (touched === 'all') writes++;
        return countTouched(keys);
      }),

    saveSyncState: (patch) =>
      use(() => {
        const state = syncState.save(patch);
        writes++;
        return state;
      }),
    acquireLease: (owner, ttlMs, now) => use(() => syncState.acquire(owner, ttlMs, now)),
    renewLease: (owner, ttlMs, now) => use(() => syncState.renew(owner, ttlMs, now)),
    releaseLease: (owner) => use(() => syncState.release(owner)),
    getLease: () => use(() => syncState.getLease()),

    ...reads,

    getDataVersion: () => use(() => dataVersion()),

    readSnapshot: (read) =>
      use(async () => {
        // Writes replace the derived data rather than change it, so holding on to the current
        // objects is a snapshot: whatever commits while `read` runs is not seen by it.
        const snapshot = { derived: data(), state: syncState.get(), version: dataVersion() };
        const source = { data: () => snapshot.derived, syncState: () => snapshot.state };
        const value = await read(memoryReads(source, preset, clock, use));
        return { value, version: snapshot.version, lastSuccessAt: snapshot.state.lastSuccessAt };
      }),

    counts: () =>
      use(() => {
        const current = data();
        return {
          records: {
            sessions: tables.sessions.size,
            traces: tables.traces.size,
            observations: tables.observations.size,
            scores: tables.scores.size,
          },
          derived: {
            sessions: current.sessions.size,
            traces: current.traces.size,
            agents: current.agents.size,
            models: current.models.size,
            scoreNames: new Set(current.scores.map((fact) => fact.record.name)).size,
          },
        };
      }),

    ping: () => use(() => undefined),

    close: async () => {
      closed = true;
    },
  };
}

function allKeys(current: DerivedData): TouchedKeys {
  const hours = new Set(current.facts.map((fact) => bucketStart(fact.record.startTime, 'hour')));
  return {
    sessionIds: [...current.sessions.keys()],
    traceIds: [...current.traces.keys()],
    agentNames: [...current.agents],
    models: [...current.models],
    hourBuckets: [...hours],
  };
}

let instances = 0;

/** An id no other memory store in this process has, and unlikely in any other process. */
function newInstanceId(): string {
  instances++;
  return `mem-${Date.now().toString(36)}-${instances.toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}
