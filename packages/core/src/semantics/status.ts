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
  if (session.chapterReached !== null && session.chapterReached >= preset.completedAtChapter) {
    return 'completed';
  }
  if (session.errorCount > 0) return 'error';
  return now - session.lastActivityAt < preset.inactivityTimeoutMs ? 'active' : 'abandoned';
}
