import {
  type ChapterFunnelStep,
  chapterFunnelOfCounts,
  type DashboardPreset,
} from '@cupid-dashboard/core';
import type { SessionQuery } from './session-rows';

/** The chapter funnel of the sessions a query selects, from their counts per chapter reached. */
export async function funnelOf(
  sessions: SessionQuery,
  preset: DashboardPreset,
): Promise<ChapterFunnelStep[]> {
  const rows = await sessions
    .select((eb) => ['chapter_reached', eb.fn.countAll<string>().as('sessions')])
    .groupBy('chapter_reached')
    .execute();
  return chapterFunnelOfCounts(
    rows.map((row) => ({ chapterReached: row.chapter_reached, sessions: Number(row.sessions) })),
    preset,
  );
}
