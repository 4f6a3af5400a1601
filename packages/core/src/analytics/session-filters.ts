import type { EpochMs } from '../domain/records';
import type { TimeRange } from '../store/common';
import type { SessionListParams } from '../store/sessions';
import { WIRE_SESSION_SORT_MAP } from './session-sort';
import type { SessionExportQuery } from './types';

/**
 * A session query's filters and sort as the store takes them, shared by the list and the export
 * so both match the same sessions.
 */
export function storeSessionFilters(
  query: SessionExportQuery,
  range: TimeRange,
  now: EpochMs,
): Omit<SessionListParams, 'page' | 'limit'> & { now: EpochMs } {
  return {
    range,
    status: query.status ?? 'all',
    ...(query.search === undefined ? {} : { search: query.search }),
    ...(query.userId === undefined ? {} : { userId: query.userId }),
    ...(query.score === undefined ? {} : { score: query.score }),
    sort: WIRE_SESSION_SORT_MAP[query.sort ?? 'started_at'],
    order: query.order ?? 'desc',
    now,
  };
}
