import type { EpochMs } from '../domain/records';
import type { DashboardPreset } from '../presets/types';
import type { SessionStatus } from '../store/sessions';

/** What a session's status depends on. */
export interface SessionStatusInput {
  chapterReached: number | null;
  errorCount: number;
  lastActivityAt: EpochMs;
}

/**
 * Whether a session that reached `chapterReached` is completed: it reached
 * `preset.completedAtChapter` or a later chapter.
 *
 * @example
 * sessionCompleted(6, cupidPreset); // true (cupidPreset completes at chapter 6)
 * sessionCompleted(null, cupidPreset); // false
 */
export function sessionCompleted(
  chapterReached: number | null,
  preset: Pick<DashboardPreset, 'completedAtChapter'>,
): boolean {
  return chapterReached !== null && chapterReached >= preset.completedAtChapter;
}

/**
 * The time after which a last activity still counts as active at `now`: a session neither
 * completed nor in error is `active` when its `lastActivityAt` is later than this (epoch ms),
 * else `abandoned`. SQL stores compare their activity column with it.
 *
 * @example
 * activeAfter(cupidPreset, now); // now - 30 * 60_000
 */
export function activeAfter(
  preset: Pick<DashboardPreset, 'inactivityTimeoutMs'>,
  now: EpochMs,
): EpochMs {
  return now - preset.inactivityTimeoutMs;
}

/**
 * A session's status at `now`: `completed` when it reached `preset.completedAtChapter`; else
 * `error` when it has an `ERROR` observation; else `active` when its last activity is less than
 * `preset.inactivityTimeoutMs` before `now` (or after it); else `abandoned`.
 *
 * Completion wins over errors because a player who finished the story finished it, even if a
 * step failed and was retried on the way; the errors still show in `errorCount`.
 *
 * @param now epoch ms, from the caller's clock
 * @example
 * // cupidPreset: completed at chapter 6, abandoned after 30 minutes
 * sessionStatus({ chapterReached: 6, errorCount: 1, lastActivityAt: 0 }, cupidPreset, 1e12); // 'completed'
 * sessionStatus({ chapterReached: 2, errorCount: 0, lastActivityAt: now - 29 * 60_000 }, cupidPreset, now); // 'active'
 * sessionStatus({ chapterReached: 2, errorCount: 0, lastActivityAt: now - 30 * 60_000 }, cupidPreset, now); // 'abandoned'
 */
export function sessionStatus(
  session: SessionStatusInput,
  preset: Pick<DashboardPreset, 'completedAtChapter' | 'inactivityTimeoutMs'>,
  now: EpochMs,
): SessionStatus {
  if (sessionCompleted(session.chapterReached, preset)) return 'completed';
  if (session.errorCount > 0) return 'error';
  return session.lastActivityAt > activeAfter(preset, now) ? 'active' : 'abandoned';
}

/** How many sessions reached one chapter (null: none), and how many of them have errors. */
export interface ChapterCount {
  chapterReached: number | null;
  sessions: number;
  /** Of `sessions`, those with at least one `ERROR` observation. */
  withErrors: number;
}

/**
 * The status counts of some sessions from their chapter distribution and the number of them that
 * are `active` at `now` (the one status that depends on the clock, which a store counts itself,
 * e.g. through an index on last activity). Completed sessions are those past
 * `completedAtChapter`; errors those with errors among the rest; abandoned whatever remains.
 *
 * @param active sessions neither completed nor in error whose last activity is after
 *   {@link activeAfter}
 * @example
 * countStatuses([{ chapterReached: 6, sessions: 3, withErrors: 1 }, { chapterReached: 2, sessions: 5, withErrors: 2 }], 1, cupidPreset);
 * // { completed: 3, error: 2, active: 1, abandoned: 2 }
 */
export function countStatuses(
  chapters: Iterable<ChapterCount>,
  active: number,
  preset: Pick<DashboardPreset, 'completedAtChapter'>,
): Record<SessionStatus, number> {
  const counts: Record<SessionStatus, number> = { completed: 0, active, abandoned: 0, error: 0 };
  let total = 0;
  for (const { chapterReached, sessions, withErrors } of chapters) {
    total += sessions;
    if (sessionCompleted(chapterReached, preset)) counts.completed += sessions;
    else counts.error += withErrors;
  }
  counts.abandoned = total - counts.completed - counts.error - active;
  return counts;
}
