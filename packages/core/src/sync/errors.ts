import { DashboardError, isDashboardError } from '../errors/index';
import { isLangfuseError } from '../langfuse/errors';
import type { SyncErrorInfo } from '../store/sync-state';

/**
 * Why a sync did not complete, besides the Langfuse client's and the store's own codes.
 *
 * - `SYNC_CONFIG`: the options are invalid.
 * - `SYNC_ABORTED`: the caller's `AbortSignal` fired; the run stopped after its last committed
 *   page and the next run resumes from there.
 * - `SYNC_LEASE_HELD`: another process holds the store's sync lease; this call did nothing.
 * - `SYNC_LEASE_LOST`: the lease could not be renewed (it expired and another owner took it); the
 *   run stopped so two processes never write at once.
 * - `SYNC_CHECKPOINT`: the persisted checkpoint was unreadable; it was discarded.
 */
export type SyncErrorCode =
  | 'SYNC_CONFIG'
  | 'SYNC_ABORTED'
  | 'SYNC_LEASE_HELD'
  | 'SYNC_LEASE_LOST'
  | 'SYNC_CHECKPOINT';

/**
 * An error of the sync service itself.
 *
 * @example
 * throw new SyncError('SYNC_ABORTED', 'The sync was stopped by its caller');
 */
export class SyncError extends DashboardError {
  declare readonly code: SyncErrorCode;
  constructor(code: SyncErrorCode, message: string) {
    super(code, message);
  }
}

// Anything that looks like a Langfuse key or a Basic-auth header is cut out of error text that
// did not come from our own (already secret-free) errors.
const SECRET_PATTERNS = [/\b[sp]k-lf-[A-Za-z0-9_-]+/g, /Basic\s+[A-Za-z0-9+/=]{8,}/gi];

/** Removes key-like text; keeps messages short enough for a status line. */
export function redact(text: string): string {
  let out = text;
  for (const pattern of SECRET_PATTERNS) out = out.replace(pattern, '[redacted]');
  return out.length > 500 ? `${out.slice(0, 497)}...` : out;
}

/**
 * The secret-free summary of a failure that goes into the status: the stable code (`UNKNOWN`
 * for foreign errors) and a redacted message.
 *
 * @example
 * errorInfo(new SyncError('SYNC_ABORTED', 'stopped')); // { code: 'SYNC_ABORTED', message: 'stopped' }
 */
export function errorInfo(error: unknown): SyncErrorInfo {
  if (isDashboardError(error)) return { code: error.code, message: redact(error.message) };
  if (error instanceof Error) return { code: 'UNKNOWN', message: redact(error.message) };
  return { code: 'UNKNOWN', message: redact(String(error)) };
}

/** The retry wait of a rate-limit failure, in milliseconds; null for any other failure. */
export function rateLimitWaitMs(error: unknown): number | null {
  if (!isLangfuseError(error, 'LANGFUSE_RATE_LIMITED')) return null;
  return error.retryAfterMs ?? 60_000;
}
