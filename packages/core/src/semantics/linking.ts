import type { EpochMs, ObservationRecord, TraceRecord } from '../domain/records';

/**
 * The session an observation belongs to: its own `sessionId` (v2 observations carry it), else
 * its trace's (legacy observations do not), else none. Observations without a session still
 * count for agents, models and KPIs, never for sessions.
 *
 * @example
 * effectiveSessionId({ sessionId: null, traceId: 't1' }, { sessionId: 's1' }); // 's1'
 */
export function effectiveSessionId(
  observation: Pick<ObservationRecord, 'sessionId'>,
  trace: Pick<TraceRecord, 'sessionId'> | null | undefined,
): string | null {
  return observation.sessionId ?? trace?.sessionId ?? null;
}

/**
 * The version rule: whether an incoming version of a record replaces the stored one. The later
 * `updatedAt` wins; when either is null the incoming (last upserted) one wins, and so it does on
 * a tie, which makes re-delivering the same version harmless.
 *
 * @example
 * replacesStored({ updatedAt: 200 }, { updatedAt: 100 }); // true
 * replacesStored({ updatedAt: 100 }, { updatedAt: 200 }); // false
 * replacesStored({ updatedAt: null }, { updatedAt: 200 }); // true
 */
export function replacesStored(
  incoming: { updatedAt: EpochMs | null },
  stored: { updatedAt: EpochMs | null } | undefined,
): boolean {
  if (!stored) return true;
  if (incoming.updatedAt === null || stored.updatedAt === null) return true;
  return incoming.updatedAt >= stored.updatedAt;
}
