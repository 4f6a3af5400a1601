/**
 * The exit codes of `cupid-dashboard`, stable so cron jobs and supervisors can branch on them.
 *
 * | code | meaning |
 * |---|---|
 * | 0 | done: `sync` succeeded, `doctor` found no failure, `serve` stopped cleanly |
 * | 1 | failed: the sync failed, a `doctor` check failed, the server could not start or stop |
 * | 2 | invalid command line or configuration (nothing was started) |
 * | 3 | `sync` was rate limited by Langfuse; the log says when to retry, the next run resumes |
 * | 4 | `sync` did nothing: another process (e.g. a running `serve`) holds the sync lease |
 * | 5 | `sync` was stopped by SIGINT/SIGTERM after its last committed page; the next run resumes |
 */
export const EXIT_CODES = {
  ok: 0,
  failed: 1,
  usage: 2,
  rateLimited: 3,
  busy: 4,
  stopped: 5,
} as const;

/** One of {@link EXIT_CODES}. */
export type ExitCode = (typeof EXIT_CODES)[keyof typeof EXIT_CODES];
