import type { TraceRecord } from '@cupid-dashboard/core';
import { compareTracesNewestFirst } from '../data/order';

/** The fields the legacy trace list can be ordered by (`orderBy=<field>.<asc|desc>`). */
export const TRACE_ORDER_FIELDS = [
  'id',
  'timestamp',
  'name',
  'userId',
  'release',
  'version',
  'public',
  'bookmarked',
  'sessionId',
] as const;

export type TraceOrderField = (typeof TRACE_ORDER_FIELDS)[number];

export interface TraceOrder {
  field: TraceOrderField;
  direction: 'asc' | 'desc';
}

/** Parses `orderBy`; null when it is not `<known field>.<asc|desc>`. Default `timestamp.desc`. */
export function parseTraceOrder(orderBy: string | undefined): TraceOrder | null {
  if (orderBy === undefined) return { field: 'timestamp', direction: 'desc' };
  const [field, direction, ...rest] = orderBy.split('.');
  if (rest.length > 0 || (direction !== 'asc' && direction !== 'desc')) return null;
  if (!(TRACE_ORDER_FIELDS as readonly string[]).includes(field ?? '')) return null;
  return { field: field as TraceOrderField, direction };
}

function sortKey(trace: TraceRecord, field: TraceOrderField): string | number {
  switch (field) {
    case 'timestamp':
      return trace.timestamp;
    case 'public':
    case 'bookmarked':
      return 0; // every simulated trace is private and not bookmarked
    default:
      return trace[field] ?? '';
  }
}

/** Sorts a copy by a non-default order; ties keep newest first so pages are stable. */
export function sortTraces(traces: TraceRecord[], order: TraceOrder): TraceRecord[] {
  const sign = order.direction === 'asc' ? 1 : -1;
  return traces.sort((a, b) => {
    const left = sortKey(a, order.field);
    const right = sortKey(b, order.field);
    if (left !== right) return (left < right ? -1 : 1) * sign;
    return compareTracesNewestFirst(a, b);
  });
}
