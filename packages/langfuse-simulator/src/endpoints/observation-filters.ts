import type { ObservationRecord, TraceRecord } from '@cupid-dashboard/core';
import { z } from 'zod';
import { isoTime, stringList, text } from '../http/query';
import { allOf } from './predicates';

/** Query filters both observation endpoints share. */
export const observationFilterSchema = {
  name: text.optional(),
  userId: text.optional(),
  type: text.optional(),
  traceId: text.optional(),
  level: z.enum(['DEBUG', 'DEFAULT', 'WARNING', 'ERROR']).optional(),
  parentObservationId: text.optional(),
  environment: stringList.optional(),
  fromStartTime: isoTime.optional(),
  toStartTime: isoTime.optional(),
  version: text.optional(),
  filter: text.optional(),
};

export interface ObservationFilters {
  name?: string | undefined;
  userId?: string | undefined;
  sessionId?: string | undefined;
  type?: string | undefined;
  traceId?: string | undefined;
  level?: string | undefined;
  parentObservationId?: string | undefined;
  isRootObservation?: boolean | undefined;
  environment?: string[] | undefined;
  version?: string | undefined;
}

/**
 * The non-time filters as one predicate (null when none is set). userId and sessionId match the
 * observation's own value or, when it has none, its trace's, as Langfuse resolves them.
 */
export function observationPredicate(
  filters: ObservationFilters,
  traceOf: (observation: ObservationRecord) => TraceRecord | undefined,
) {
  const f = filters;
  return allOf<ObservationRecord>([
    f.name !== undefined && ((o) => o.name === f.name),
    f.type !== undefined && ((o) => o.type === f.type),
    f.traceId !== undefined && ((o) => o.traceId === f.traceId),
    f.level !== undefined && ((o) => o.level === f.level),
    // An empty value asks for observations without a parent.
    f.parentObservationId !== undefined &&
      ((o) => o.parentObservationId === (f.parentObservationId || null)),
    f.isRootObservation !== undefined &&
      ((o) => (o.parentObservationId === null) === f.isRootObservation),
    f.environment && ((o) => f.environment?.includes(o.environment) ?? true),
    // Simulated observations carry no version, so a version filter matches nothing.
    f.version !== undefined && (() => false),
    f.userId !== undefined && ((o) => (o.userId ?? traceOf(o)?.userId ?? null) === f.userId),
    f.sessionId !== undefined &&
      ((o) => (o.sessionId ?? traceOf(o)?.sessionId ?? null) === f.sessionId),
  ]);
}
