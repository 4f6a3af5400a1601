import { cupidPreset } from '../../presets/cupid';
import { bucketStart } from '../../semantics/buckets';
import { totalPages } from '../../semantics/pagination';
import { inTimeRange } from '../../semantics/time-range';
import { BUCKET_SIZES } from '../../store/common';
import { countTouched } from '../../store/count-touched';
import { StoreError } from '../../store/errors';
import { checkInteger, checkOneOf, checkPage, checkRange } from '../../store/query-checks';
import { SESSION_SORT_KEYS, SESSION_STATUSES } from '../../store/sessions';
import type { DashboardStore, DashboardStoreOptions } from '../../store/store';
import { TouchedSet } from '../../store/touched';
import type { RefreshResult, TouchedKeys } from '../../store/upsert';
import {
  agentDetail,
  agentTimeSeries,
  factsInRange,
  listAgents,
  modelUsage,
} from './agent-queries';
import { dashboardMetrics } from './dashboard-queries';
import { type DerivedData, deriveData, sessionConversation } from './derive';
import { RecordTables } from './record-tables';
import {
  sessionMatches,
  sessionRow,
  sessionStats,
  sessionsInRange,
  sortSessions,
} from './session-queries';
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

  /** Runs a method body unless the store is closed; async so every failure is a rejection. */
  const use = async <T>(body: () => T): Promise<T> => {
    if (closed) throw new StoreError('STORE_UNAVAILABLE', 'The memory store is closed');
    return body();
  };
  const data = (): DerivedData => {
    derived ??= deriveData(tables, preset);
    return derived;
  };

  return {
    preset,

    upsert: (batch) =>
      use(() => {
        const result = tables.upsert(batch);
        pending.addAll(result.touched);
        derived = null;
        return result;
      }),

    refresh: (touched) =>
      use((): RefreshResult => {
        const keys: TouchedKeys =
          touched === 'all' ? allKeys(data()) : touched === undefined ? pending.toKeys() : touched;
        pending = new TouchedSet();
        return countTouched(keys);
      }),

    getSyncState: () => use(() => syncState.get()),
    saveSyncState: (patch) => use(() => syncState.save(patch)),
    acquireLease: (owner, ttlMs, now) => use(() => syncState.acquire(owner, ttlMs, now)),
    renewLease: (owner, ttlMs, now) => use(() => syncState.renew(owner, ttlMs, now)),
    releaseLease: (owner) => use(() => syncState.release(owner)),
    getLease: () => use(() => syncState.getLease()),

    listSessions: (params = {}) =>
      use(() => {
        const page = checkPage(params);
        const range = checkRange(params.range);
        const now = params.now ?? clock();
        const status = checkOneOf('status', params.status, [...SESSION_STATUSES, 'all'], 'all');
        const sort = checkOneOf('sort', params.sort, SESSION_SORT_KEYS, 'startedAt');
        const order = checkOneOf('order', params.order, ['asc', 'desc'], 'desc');
        const search = params.search ?? '';
        const rows = [...data().sessions.values()]
          .filter((aggregate) => params.userId === undefined || aggregate.userId === params.userId)
          .filter((aggregate) => sessionMatches(aggregate, preset, search))
          .map((aggregate) => sessionRow(aggregate, preset, now))
          .filter((row) => status === 'all' || row.status === status)
          .filter((row) => inTimeRange(row.startedAt, range));
        sortSessions(rows, sort, order);
        return {
          items: rows.slice(page.offset, page.offset + page.limit),
          page: page.page,
          limit: page.limit,
          total: rows.length,
          totalPages: totalPages(rows.length, page.limit),
        };
      }),

    getSession: ({ id, now }) =>
      use(() => {
        const aggregate = data().sessions.get(id);
        return aggregate ? sessionRow(aggregate, preset, now ?? clock()) : null;
      }),

    getSessionStats: (params = {}) =>
      use(() =>
        sessionStats(
          sessionsInRange(data(), preset, checkRange(params.range), params.now ?? clock()),
          preset,
        ),
      ),

    getConversation: ({ sessionId }) =>
      use(() => {
        const aggregate = data().sessions.get(sessionId);
        if (!aggregate) return null;
        return { sessionId, messages: structuredClone(sessionConversation(aggregate, preset)) };
      }),

    listAgents: (params = {}) => use(() => listAgents(data(), preset, checkRange(params.range))),

    getAgent: (params) =>
      use(() => {
        const limit = checkInteger('recentErrorsLimit', params.recentErrorsLimit, 10, 0, 100);
        return agentDetail(data(), preset, params.name, checkRange(params.range), limit);
      }),

    getAgentTimeSeries: (params) =>
      use(() => {
        const bucket = checkOneOf('bucket', params.bucket, BUCKET_SIZES, 'day');
        return agentTimeSeries(data(), params.name, checkRange(params.range), bucket);
      }),

    getModelUsage: (params = {}) =>
      use(() => modelUsage(factsInRange(data(), checkRange(params.range)))),

    getDashboard: (params = {}) =>
      use(() =>
        dashboardMetrics(data(), preset, {
          range: checkRange(params.range),
          bucket: checkOneOf('bucket', params.bucket, BUCKET_SIZES, 'day'),
          topAgentsLimit: checkInteger('topAgentsLimit', params.topAgentsLimit, 5, 0, 100),
          now: params.now ?? clock(),
        }),
      ),

    counts: () =>
      use(() => {
        const current = data();
        return {
          records: {
            sessions: tables.sessions.size,
            traces: tables.traces.size,
            observations: tables.observations.size,
          },
          derived: {
            sessions: current.sessions.size,
            traces: current.traces.size,
            agents: current.agents.size,
            models: current.models.size,
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
