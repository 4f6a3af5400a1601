import type { EpochMs } from '../../domain/records';
import { previousTimeRange, resolveTimeRange } from '../../semantics/time-range';
import type { TimeRange } from '../../store/common';
import type { SessionCursor, SessionScanParams } from '../../store/session-scan';
import {
  SESSION_SORT_KEYS,
  SESSION_STATUSES,
  type SessionRow,
  type SessionStatusFilter,
} from '../../store/sessions';
import type { DashboardStore } from '../../store/store';
import type { CupidDataset } from '../dataset/types';
import { sessionScoreQueries } from './session-score-queries';

/** A query the suite asks both the store under test and the reference. */
export interface DifferentialQuery {
  label: string;
  run: (store: DashboardStore) => Promise<unknown>;
}

// The store's own lists, so a new sort key or status is covered without touching the suite.
const STATUSES: readonly SessionStatusFilter[] = ['all', ...SESSION_STATUSES];

/** Ranges that matter: the named ones at `now`, their previous periods, odd unaligned windows. */
export function interestingRanges(
  dataset: CupidDataset,
  now: EpochMs,
): Record<string, TimeRange | undefined> {
  const { from, to } = dataset.range;
  const third = Math.floor((to - from) / 3);
  return {
    none: undefined,
    all: resolveTimeRange('all', now),
    '24h': resolveTimeRange('24h', now),
    '7d': resolveTimeRange('7d', now),
    'previous 24h': previousTimeRange('24h', now) ?? {},
    'previous 7d': previousTimeRange('7d', now) ?? {},
    'middle third, unaligned': { from: from + third + 12_345, to: to - third - 678 },
    'open end': { from: from + third + 1 },
    'open start': { to: from + third - 1 },
    'before everything': { to: from - 86_400_000 },
  };
}

/**
 * Every query of the interface, with parameters drawn from the dataset. `statusProbes` are extra
 * instants to judge status at (see {@link statusProbeTimes}).
 */
export function differentialQueries(
  dataset: CupidDataset,
  now: EpochMs,
  statusProbes: readonly EpochMs[] = [],
): DifferentialQuery[] {
  const queries: DifferentialQuery[] = [];
  const add = (label: string, run: DifferentialQuery['run']) => queries.push({ label, run });
  const ranges = interestingRanges(dataset, now);
  const sessionIds = sampleSessionIds(dataset);
  const agents = [...new Set(dataset.observations.flatMap((o) => o.name ?? []))].sort();
  const user = dataset.observations.find((o) => o.userId !== null)?.userId ?? dataset.users[0];

  add('counts()', (s) => s.counts());
  for (const sort of SESSION_SORT_KEYS) {
    for (const order of ['asc', 'desc'] as const) {
      add(`listSessions sort ${sort} ${order}`, (s) =>
        s.listSessions({ sort, order, limit: 200, now }),
      );
    }
  }
  for (const sort of SESSION_SORT_KEYS) {
    for (const order of ['asc', 'desc'] as const) {
      add(`scanSessions sort ${sort} ${order}, batches of 37`, (s) =>
        scanAll(s, { sort, order, limit: 37, now }),
      );
    }
  }
  add('scanSessions 7d, status completed, search "love", batches of 5', (s) =>
    scanAll(s, { range: ranges['7d'], status: 'completed', search: 'love', limit: 5, now }),
  );
  for (const status of STATUSES) {
    add(`listSessions status ${status}, page 2 of 7`, (s) =>
      s.listSessions({ status, page: 2, limit: 7, now }),
    );
  }
  // Status depends on now: judge it also at the instants sessions turn from active to abandoned,
  // and mid-range, where later sessions have activity after now (which still counts as active).
  const middle = Math.floor((dataset.range.from + dataset.range.to) / 2);
  const instants: Record<string, EpochMs> = { 'mid-range': middle };
  for (const [i, at] of statusProbes.entries()) instants[`probe ${i}`] = at;
  for (const [name, at] of Object.entries(instants)) {
    add(`getSessionStats at ${name}`, (s) => s.getSessionStats({ now: at }));
    for (const status of ['active', 'abandoned'] as const) {
      add(`listSessions status ${status} at ${name}`, (s) =>
        s.listSessions({ status, now: at, limit: 100 }),
      );
    }
  }
  for (const [name, range] of Object.entries(ranges)) {
    add(`listSessions range ${name}`, (s) => s.listSessions({ range, limit: 25, now }));
    add(`getSessionStats range ${name}`, (s) => s.getSessionStats({ range, now }));
    add(`listAgents range ${name}`, (s) => s.listAgents({ range }));
    add(`getModelUsage range ${name}`, (s) => s.getModelUsage({ range }));
    add(`getDashboard range ${name} by day`, (s) => s.getDashboard({ range, bucket: 'day', now }));
    // Local days with a whole-hour offset: exact from hourly rollups, so every store agrees.
    add(`getDashboard range ${name} by New York day`, (s) =>
      s.getDashboard({ range, bucket: 'day', timeZone: 'America/New_York', now }),
    );
  }
  for (const name of ['24h', '7d', 'middle third, unaligned'] as const) {
    const range = ranges[name];
    const previousRange =
      name === 'middle third, unaligned' ? ranges['open start'] : ranges[`previous ${name}`];
    add(`getDashboard range ${name} with the previous period's KPIs`, (s) =>
      s.getDashboard({ range, previousRange, bucket: 'day', now }),
    );
  }
  add('getDashboard 24h by hour, 3 top agents', (s) =>
    s.getDashboard({ range: ranges['24h'], bucket: 'hour', topAgentsLimit: 3, now }),
  );
  for (const search of searchTerms(dataset, sessionIds)) {
    add(`listSessions search ${JSON.stringify(search)}`, (s) =>
      s.listSessions({ search, limit: 50, now }),
    );
  }
  if (user !== undefined) {
    add('listSessions by user, sorted by cost', (s) =>
      s.listSessions({ userId: user, sort: 'cost', now }),
    );
  }
  add('listSessions past the last page', (s) => s.listSessions({ page: 1000, limit: 200, now }));
  for (const id of sessionIds) {
    add(`getSession ${id}`, (s) => s.getSession({ id, now }));
    add(`getConversation ${id}`, (s) => s.getConversation({ sessionId: id }));
  }
  for (const name of agents) {
    add(`getAgent ${name}`, (s) => s.getAgent({ name, recentErrorsLimit: 5 }));
    add(`getAgent ${name} 7d`, (s) => s.getAgent({ name, range: ranges['7d'] }));
    add(`getAgentTimeSeries ${name} by day`, (s) => s.getAgentTimeSeries({ name, bucket: 'day' }));
    add(`getAgentTimeSeries ${name} by Berlin day`, (s) =>
      s.getAgentTimeSeries({ name, bucket: 'day', timeZone: 'Europe/Berlin' }),
    );
  }
  const scoreNames = [...new Set(dataset.scores.map((score) => score.name))].sort();
  for (const [name, range] of Object.entries(ranges)) {
    add(`listScores range ${name}`, (s) => s.listScores({ range }));
  }
  for (const name of [...scoreNames, 'no-such-score']) {
    add(`getScore ${name} by day`, (s) => s.getScore({ name, lowestSessionsLimit: 100 }));
    add(`getScore ${name} 24h by hour`, (s) =>
      s.getScore({ name, range: ranges['24h'], bucket: 'hour', lowestSessionsLimit: 5 }),
    );
    add(`getScore ${name} middle third, unaligned`, (s) =>
      s.getScore({ name, range: ranges['middle third, unaligned'] }),
    );
    add(`getScore ${name} by Berlin day`, (s) => s.getScore({ name, timeZone: 'Europe/Berlin' }));
  }
  queries.push(...sessionScoreQueries(dataset, now, ranges));
  const busiest = agents[0];
  if (busiest !== undefined) {
    add(`getAgentTimeSeries ${busiest} 24h by hour`, (s) =>
      s.getAgentTimeSeries({ name: busiest, bucket: 'hour', range: ranges['24h'] }),
    );
  }
  return queries;
}

/** Every batch of a scan, read to the end: the rows and the positions between batches. */
export async function scanAll(
  store: DashboardStore,
  params: SessionScanParams,
): Promise<{ items: SessionRow[]; positions: SessionCursor[] }> {
  const items: SessionRow[] = [];
  const positions: SessionCursor[] = [];
  let after: SessionCursor | undefined;
  for (;;) {
    const batch = await store.scanSessions({ ...params, ...(after ? { after } : {}) });
    items.push(...batch.items);
    if (batch.next === null) return { items, positions };
    positions.push(batch.next);
    after = batch.next;
  }
}

/** A few session ids spread over the dataset, whatever records carry them. */
function sampleSessionIds(dataset: CupidDataset): string[] {
  const ids = [
    ...new Set([
      ...dataset.sessions.map((s) => s.id),
      ...dataset.traces.flatMap((t) => t.sessionId ?? []),
      ...dataset.observations.flatMap((o) => o.sessionId ?? []),
    ]),
  ].sort();
  const step = Math.max(1, Math.floor(ids.length / 6));
  return ids.filter((_, i) => i % step === 0).slice(0, 6);
}

/**
 * Searches that hit ids, users and message text, of one, two and more characters, plus ones that
 * must be taken literally.
 */
function searchTerms(dataset: CupidDataset, sessionIds: string[]): string[] {
  const terms = ['', 'love', 'LOVE', '%', '_', "' OR 1=1 --", 'zzz-no-such-text', 'Lo', 'qz', 'é'];
  const id = sessionIds[0];
  if (id !== undefined) terms.push(id.slice(2, 10).toUpperCase(), id.slice(3, 5));
  const user = dataset.users[0];
  if (user !== undefined) terms.push(user);
  return terms;
}

/**
 * Instants around which sessions change status, from the reference store: for a few sessions that
 * end abandoned, the last millisecond they are active and the first they are abandoned.
 */
export async function statusProbeTimes(
  reference: DashboardStore,
  inactivityTimeoutMs: number,
  now: EpochMs,
): Promise<EpochMs[]> {
  const page = await reference.listSessions({
    status: 'abandoned',
    sort: 'lastActivityAt',
    limit: 200,
    now,
  });
  const rows = page.items;
  const picks = [rows[0], rows[Math.floor(rows.length / 2)]].flatMap((row) => row ?? []);
  return picks.flatMap((row) => [
    row.lastActivityAt + inactivityTimeoutMs - 1,
    row.lastActivityAt + inactivityTimeoutMs,
  ]);
}
