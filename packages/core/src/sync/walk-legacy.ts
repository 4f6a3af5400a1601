import { observationToRecord, sessionToRecord, traceToRecord } from '../langfuse/normalize/index';
import type { LegacyPage } from '../langfuse/types';
import type { UpsertBatch } from '../store/upsert';
import { LEGACY_PHASES, type LegacyPhase } from './checkpoint';
import { readAhead } from './read-ahead';
import type { RunContext } from './run-context';
import { walkScores } from './walk-scores';

/**
 * Reads the window from the legacy endpoints — sessions by `createdAt`, traces by `timestamp`,
 * observations by `startTime`, scores by `timestamp` (v2 scores, see `walkScores`), each filtered to `[from, to)` and walked newest first from the
 * checkpoint's phase and page — and commits every page.
 *
 * Newest-first paging with a fixed upper bound cannot skip a row: a row arriving during the walk
 * can only push rows already read onto the next page (read twice, upserted twice, harmless).
 *
 * Requests: `Σ max(1, ceil(N_endpoint / pageSize))` over the four endpoints (scores: pages of
 * at most 100).
 *
 * @example
 * await walkLegacy(context);
 */
export async function walkLegacy(context: RunContext): Promise<void> {
  if (context.checkpoint.done) return;
  const start = LEGACY_PHASES.indexOf(context.checkpoint.phase ?? 'sessions');
  for (const phase of LEGACY_PHASES.slice(start)) {
    const page = context.checkpoint.phase === phase ? context.checkpoint.page : 1;
    await walkPhase(context, phase, page);
    const next = LEGACY_PHASES[LEGACY_PHASES.indexOf(phase) + 1];
    await context.saveCheckpoint(phase, next ? { phase: next, page: 1 } : { done: true });
  }
}

function walkPhase(context: RunContext, phase: LegacyPhase, page: number): Promise<void> {
  if (phase === 'scores') return walkScores(context, { legacy: true });
  const { client, legacyPageSize: limit } = context.options;
  const { from, to } = context.checkpoint.window;
  const options = { signal: context.signal };
  const since = from !== null ? new Date(from) : undefined;
  const until = new Date(to);
  if (phase === 'sessions') {
    const pages = client.paginateSessions(
      { page, limit, ...(since ? { fromTimestamp: since } : {}), toTimestamp: until },
      options,
    );
    return commitAll(context, phase, pages, (data) => ({ sessions: data.map(sessionToRecord) }));
  }
  if (phase === 'traces') {
    const pages = client.paginateTraces(
      { page, limit, ...(since ? { fromTimestamp: since } : {}), toTimestamp: until },
      options,
    );
    return commitAll(context, phase, pages, (data) => ({ traces: data.map(traceToRecord) }));
  }
  const pages = client.paginateObservations(
    { page, limit, ...(since ? { fromStartTime: since } : {}), toStartTime: until },
    options,
  );
  return commitAll(context, phase, pages, (data) => ({
    observations: data.map(observationToRecord),
  }));
}

async function commitAll<T>(
  context: RunContext,
  phase: LegacyPhase,
  pages: AsyncGenerator<LegacyPage<T>>,
  toBatch: (data: T[]) => UpsertBatch,
): Promise<void> {
  for await (const result of readAhead(pages)) {
    await context.commitPage(phase, toBatch(result.data), result.invalid, {
      phase,
      page: result.meta.page + 1,
    });
    context.throwIfAborted();
  }
}
