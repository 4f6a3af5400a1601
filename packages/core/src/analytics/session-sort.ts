import type { SessionSortKey } from '../store/sessions';

/** Sort keys of the session list on the wire, and the store key each one means. */
export const WIRE_SESSION_SORT_MAP = Object.freeze({
  started_at: 'startedAt',
  last_activity: 'lastActivityAt',
  duration: 'durationMs',
  trace_count: 'traceCount',
  generation_count: 'generationCount',
  chapter_reached: 'chapterReached',
  cost: 'cost',
  tokens: 'totalTokens',
  error_count: 'errorCount',
  user_id: 'userId',
  id: 'id',
} as const satisfies Record<string, SessionSortKey>);

/** A wire sort key of the session list, e.g. `'last_activity'`. */
export type SessionSortWire = keyof typeof WIRE_SESSION_SORT_MAP;

/** The wire sort keys, for enums and documentation. */
export const WIRE_SESSION_SORTS = Object.keys(WIRE_SESSION_SORT_MAP) as [
  SessionSortWire,
  ...SessionSortWire[],
];
