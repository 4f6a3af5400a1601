import type { ScoreRecord } from '../domain/score';
import { isLangfuseError } from '../langfuse/errors';
import { scoreToRecord, scoreV3ToRecord } from '../langfuse/normalize/index';
import { SCORES_MAX_LIMIT, type ScoreFieldGroup } from '../langfuse/params';
import type { LangfuseScore, LangfuseScoreV3 } from '../langfuse/schemas/index';
import type { CursorPage, InvalidRecord, LegacyPage } from '../langfuse/types';
import type { SyncCheckpoint } from './checkpoint';
import { readAhead } from './read-ahead';
import type { RunContext } from './run-context';

/** The v3 field groups a sync asks for: values and comments (`details`), and what is scored (`subject`). */
export const SYNC_SCORE_FIELDS: ScoreFieldGroup[] = ['details', 'subject'];

/** Scores the dashboard analyses: TEXT and CORRECTION scores normalize to null and are left out. */
function analysable(records: readonly (ScoreRecord | null)[]): ScoreRecord[] {
  return records.filter((record): record is ScoreRecord => record !== null);
}

/**
 * Reads the window's scores by `timestamp` (`[from, to)`, newest first) and commits each page,
 * from the checkpoint's position: the v3 endpoint by cursor (`cursor`), or the legacy v2
 * endpoint by page (`page`). The v3 endpoint is asked first unless `legacy` is set or a resumed
 * checkpoint is already past page 1 of the v2 one; a 404 before its first page means the server
 * has no v3 scores, and the v2 endpoint is read instead.
 *
 * Requests: `max(1, ceil(S / 100))` for S scores in the window, plus one for a v3 404.
 *
 * @example
 * await walkScores(context, { legacy: false });
 */
export async function walkScores(context: RunContext, input: { legacy: boolean }): Promise<void> {
  const { checkpoint } = context;
  const resumedOnV2 = checkpoint.cursor === null && checkpoint.page > 1;
  if (!input.legacy && !resumedOnV2) {
    try {
      await walkScoresV3(context);
      return;
    } catch (error) {
      const beforeFirstPage = context.checkpoint.cursor === null;
      if (!isLangfuseError(error, 'LANGFUSE_NOT_FOUND') || !beforeFirstPage) throw error;
      context.options.logger?.warn('Langfuse has no v3 scores API here (404); reading v2 scores');
    }
  }
  await walkScoresV2(context);
  // A legacy walk marks its last phase done itself.
  if (!input.legacy) await context.saveCheckpoint('scores', { done: true });
}

async function walkScoresV3(context: RunContext): Promise<void> {
  const { client, v2PageSize } = context.options;
  const { window, cursor } = context.checkpoint;
  const pages = client.paginateScoresV3(
    {
      ...(cursor ? { cursor } : {}),
      limit: Math.min(v2PageSize, SCORES_MAX_LIMIT),
      fields: SYNC_SCORE_FIELDS,
      ...(window.from !== null ? { fromTimestamp: new Date(window.from) } : {}),
      toTimestamp: new Date(window.to),
    },
    { signal: context.signal },
  );
  await commitScorePages(context, pages, (page: CursorPage<LangfuseScoreV3>) => ({
    scores: analysable(page.data.map(scoreV3ToRecord)),
    next: { cursor: page.cursor, done: page.cursor === null },
  }));
}

async function walkScoresV2(context: RunContext): Promise<void> {
  const { client, legacyPageSize } = context.options;
  const { window, page } = context.checkpoint;
  const pages = client.paginateScores(
    {
      page,
      limit: Math.min(legacyPageSize, SCORES_MAX_LIMIT),
      ...(window.from !== null ? { fromTimestamp: new Date(window.from) } : {}),
      toTimestamp: new Date(window.to),
    },
    { signal: context.signal },
  );
  await commitScorePages(context, pages, (result: LegacyPage<LangfuseScore>) => ({
    scores: analysable(result.data.map(scoreToRecord)),
    next: { cursor: null, page: result.meta.page + 1 },
  }));
}

/** Commits every page: its analysable scores, its invalid records, the position after it. */
async function commitScorePages<P extends { invalid: InvalidRecord[] }>(
  context: RunContext,
  pages: AsyncGenerator<P>,
  toCommit: (page: P) => { scores: ScoreRecord[]; next: Partial<SyncCheckpoint> },
): Promise<void> {
  for await (const page of readAhead(pages)) {
    const { scores, next } = toCommit(page);
    await context.commitPage('scores', { scores }, page.invalid, { phase: 'scores', ...next });
    context.throwIfAborted();
  }
}
