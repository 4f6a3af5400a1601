import type { EpochMs, ObservationRecord, TraceRecord } from '../domain/records';
import type { LangfuseObservationV2 } from '../langfuse/schemas/index';

/**
 * The version a derived trace carries: the NEGATED earliest start time its observations showed.
 *
 * Langfuse v4 has no trace rows; a trace is derived from whichever of its observations a page
 * holds. A run whose window starts after a trace began sees only its later observations and
 * would derive a later timestamp. Since stores keep the version with the greater `updatedAt`
 * (ties: the last upserted), encoding `-minStart` makes the derivation that saw the EARLIER
 * start win, whatever order pages and runs come in, while a derivation from the same earliest
 * start (e.g. with a new tag) still replaces the old one. It is not a time: nothing reads a trace's
 * `updatedAt` except the version rule.
 *
 * @example
 * derivedTraceVersion(1_000) > derivedTraceVersion(2_000); // true: the earlier start wins
 */
export function derivedTraceVersion(minStart: EpochMs): EpochMs {
  return -minStart;
}

interface TraceDraft {
  trace: TraceRecord;
  rootSeen: boolean;
}

function isRoot(row: LangfuseObservationV2): boolean {
  return row.isRootObservation === true || !row.parentObservationId;
}

/**
 * Derives one trace record per trace id from one page of v2 observations (`rows[i]` normalized
 * as `records[i]`): timestamp = the earliest start, name/tags/release from `trace_context`,
 * session/user/environment from the observations, input/output from the root observation when
 * the page holds it. See {@link derivedTraceVersion} for how partial derivations lose.
 *
 * @example
 * const traces = deriveTraces(page.data, page.data.map(observationV2ToRecord));
 */
export function deriveTraces(
  rows: readonly LangfuseObservationV2[],
  records: readonly ObservationRecord[],
): TraceRecord[] {
  const drafts = new Map<string, TraceDraft>();
  rows.forEach((row, index) => {
    const record = records[index] as ObservationRecord;
    if (record.traceId === null) return;
    let draft = drafts.get(record.traceId);
    if (!draft) {
      draft = {
        rootSeen: false,
        trace: {
          id: record.traceId,
          timestamp: record.startTime,
          name: null,
          sessionId: null,
          userId: null,
          tags: [],
          release: null,
          version: null,
          environment: record.environment,
          input: null,
          output: null,
          metadata: null,
          updatedAt: null,
        },
      };
      drafts.set(record.traceId, draft);
    }
    const trace = draft.trace;
    if (record.startTime < trace.timestamp) {
      trace.timestamp = record.startTime;
      trace.environment = record.environment;
    }
    trace.name ??= row.traceName ?? null;
    trace.sessionId ??= record.sessionId;
    trace.userId ??= record.userId;
    trace.release ??= row.release ?? null;
    if (trace.tags.length === 0 && row.tags) trace.tags = [...row.tags];
    if (isRoot(row) && !draft.rootSeen) {
      draft.rootSeen = true;
      trace.input = record.input;
      trace.output = record.output;
    }
  });
  return [...drafts.values()].map(({ trace }) => ({
    ...trace,
    updatedAt: derivedTraceVersion(trace.timestamp),
  }));
}
