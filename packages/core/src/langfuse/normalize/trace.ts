import type { TraceRecord } from '../../domain/index';
import type { LangfuseTrace } from '../schemas/index';
import { environmentOf, toEpochMs, toEpochMsOrNull } from './common';

/**
 * A legacy trace → {@link TraceRecord}. `updatedAt` is taken when the server sends it, else null.
 *
 * @example
 * traceToRecord(await client.getTrace('trace-1').then((r) => r.data));
 */
export function traceToRecord(trace: LangfuseTrace): TraceRecord {
  return {
    id: trace.id,
    timestamp: toEpochMs(trace.timestamp),
    name: trace.name ?? null,
    sessionId: trace.sessionId ?? null,
    userId: trace.userId ?? null,
    tags: trace.tags ?? [],
    release: trace.release ?? null,
    version: trace.version ?? null,
    environment: environmentOf(trace.environment),
    input: trace.input ?? null,
    output: trace.output ?? null,
    metadata: trace.metadata ?? null,
    updatedAt: toEpochMsOrNull(trace.updatedAt),
  };
}
