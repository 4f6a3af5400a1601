import {
  type ChapterFunnelStep,
  chapterFunnelOfCounts,
  type DashboardPreset,
} from '@cupid-dashboard/core';
import type { Num } from '../db/schema';
import type { SessionQuery } from './session-rows';

/** The select counting a session query's sessions per chapter reached. */
export function funnelQuery(sessions: SessionQuery) {
  return sessions
    .select((eb) => ['chapter_reached', eb.fn.countAll<Num>().as('sessions')])
    .groupBy('chapter_reached');
}

/** The chapter funnel from {@link funnelQuery}'s rows. */
export function funnelFrom(
  rows: readonly { chapter_reached: number | null; sessions: Num }[],
  preset: DashboardPreset,
): ChapterFunnelStep[] {
  return chapterFunnelOfCounts(
    rows.map((row) => ({ chapterReached: row.chapter_reached, sessions: Number(row.sessions) })),
    preset,
  );
}
