import { observationV2ToRecord } from '../langfuse/normalize/index';
import { OBSERVATION_FIELD_GROUPS, type ObservationFieldGroup } from '../langfuse/params';
import { SessionTracker } from './derive-sessions';
import { deriveTraces } from './derive-traces';
import { readAhead } from './read-ahead';
import type { RunContext } from './run-context';
import { walkScores } from './walk-scores';

/**
 * The v2 field groups a sync asks for: everything the dashboard shows (io for conversations,
 * metadata for chapters, model/usage for cost and tokens, time for `updatedAt`, trace_context for
 * trace names and tags). `prompt` and `metrics` are left out: latency follows from the times.
 */
export const SYNC_V2_FIELDS: ObservationFieldGroup[] = OBSERVATION_FIELD_GROUPS.filter(
  (group) => group !== 'prompt' && group !== 'metrics',
);

/**
 * Reads the window's v2 observations newest first, from the checkpoint's cursor, and commits
 * each page with the traces and sessions derived from it; then the window's scores
 * (`walkScores`). A 404 before the first page means the server has no v2 API (the caller may
 * fall back to legacy).
 *
 * Requests: `ceil(N / pageSize)` for N observations in the window (at least 1), plus the scores'.
 *
 * @example
 * await walkV2(context, { resumed: false, storeWasEmpty: true });
 */
export async function walkV2(
  context: RunContext,
  input: { resumed: boolean; storeWasEmpty: boolean },
): Promise<void> {
  if (context.checkpoint.done) return;
  if (context.checkpoint.phase !== 'scores') await walkObservations(context, input);
  await walkScores(context, { legacy: false });
}

async function walkObservations(
  context: RunContext,
  input: { resumed: boolean; storeWasEmpty: boolean },
): Promise<void> {
  const { client, store, v2PageSize } = context.options;
  const { window } = context.checkpoint;
  const sessions = new SessionTracker(store, {
    // Earlier observations of a session can only be in the store if it held anything before this
    // window's walk began (a resumed walk wrote some itself), and only matter when the window
    // does not reach back to the beginning.
    consultStore: input.resumed || (window.from !== null && !input.storeWasEmpty),
  });
  const pages = client.paginateObservationsV2(
    {
      ...(context.checkpoint.cursor ? { cursor: context.checkpoint.cursor } : {}),
      limit: v2PageSize,
      fields: SYNC_V2_FIELDS,
      ...(window.from !== null ? { fromStartTime: new Date(window.from) } : {}),
      toStartTime: new Date(window.to),
    },
    { signal: context.signal },
  );
  for await (const page of readAhead(pages)) {
    const observations = page.data.map(observationV2ToRecord);
    const traces = deriveTraces(page.data, observations);
    const sessionRecords = await sessions.derive(observations);
    await context.commitPage(
      'observations',
      { sessions: sessionRecords, traces, observations },
      page.invalid,
      // After the last page, the scores of the window.
      page.cursor === null ? { cursor: null, phase: 'scores', page: 1 } : { cursor: page.cursor },
    );
    context.throwIfAborted();
  }
}
