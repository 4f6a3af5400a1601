import type { LangfuseError } from '../errors';
import type { AttemptResult } from './attempt';
import { backoffDelayMs } from './backoff';
import { serverMessage } from './body';
import {
  networkError,
  type RequestTarget,
  retryAfterTooLong,
  statusError,
  timeoutError,
} from './failures';
import { parseRetryAfter } from './retry-after';

/** The retry settings {@link decideRetry} needs (all in milliseconds). */
export interface RetryPolicy {
  timeoutMs: number;
  retryBaseDelayMs: number;
  retryMaxDelayMs: number;
  maxRetryAfterMs: number;
  random: () => number;
}

/** Whether to try again, and how long to wait first; `failure` is thrown when not (or no retries remain). */
export type RetryDecision =
  | { retry: true; delayMs: number; failure: LangfuseError }
  | { retry: false; failure: LangfuseError };

/**
 * The retry policy for one failed attempt (`retry` counts retries so far, from 0):
 *
 * - timeouts, network errors, 5xx and 429 are retryable; every other status is final;
 * - a 429 or 503 with `Retry-After` waits exactly that long, unless it exceeds `maxRetryAfterMs`:
 *   then a 429 fails at once with `LANGFUSE_RATE_LIMITED` (and a 503 with `LANGFUSE_HTTP`);
 * - otherwise the wait is full-jitter exponential backoff.
 *
 * @example
 * const decision = decideRetry({ kind: 'timeout' }, target, 0, policy, []);
 * if (decision.retry) await sleep(decision.delayMs);
 */
export function decideRetry(
  result: Exclude<AttemptResult, { kind: 'aborted' }>,
  target: RequestTarget,
  retry: number,
  policy: RetryPolicy,
  secrets: readonly string[],
): RetryDecision {
  const backoff = () =>
    backoffDelayMs(retry, {
      baseMs: policy.retryBaseDelayMs,
      maxMs: policy.retryMaxDelayMs,
      random: policy.random,
    });
  if (result.kind === 'timeout') {
    return { retry: true, delayMs: backoff(), failure: timeoutError(policy.timeoutMs, target) };
  }
  if (result.kind === 'network') {
    return { retry: true, delayMs: backoff(), failure: networkError(result.error, target) };
  }
  const { status } = result;
  const retryAfterMs =
    status === 429 || status === 503
      ? parseRetryAfter(result.headers.get('retry-after'), Date.now())
      : undefined;
  const failure = statusError(status, serverMessage(result.body, secrets), target, retryAfterMs);
  if (status !== 429 && status < 500) return { retry: false, failure };
  if (retryAfterMs !== undefined && retryAfterMs > policy.maxRetryAfterMs) {
    const tooLong =
      status === 429 ? retryAfterTooLong(retryAfterMs, policy.maxRetryAfterMs, target) : failure;
    return { retry: false, failure: tooLong };
  }
  return { retry: true, delayMs: retryAfterMs ?? backoff(), failure };
}
