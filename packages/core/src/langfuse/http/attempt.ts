import type { $Fetch } from 'ofetch';
import { innermostFetchError, sanitizeError } from './sanitize';

/** The outcome of one HTTP attempt, before any retry decision. */
export type AttemptResult =
  | { kind: 'response'; status: number; headers: Headers; body: string }
  | { kind: 'timeout' }
  | { kind: 'aborted'; reason: unknown }
  | { kind: 'network'; error: Error };

/** One request as the attempt sees it. */
export interface AttemptInput {
  method: string;
  path: string;
  query: Record<string, string | string[]>;
  headers: Record<string, string>;
  timeoutMs: number;
  signal: AbortSignal | undefined;
  /** Values to mask in any error text (keys, the auth header). */
  secrets: readonly string[];
}

/**
 * Sends one request through ofetch and classifies what happened. It never throws. The timeout is
 * ours rather than ofetch's because ofetch's covers only the headers (not the body) and is skipped
 * when a signal is passed; ours spans the whole exchange and runs on `setTimeout`, so fake timers
 * drive it.
 *
 * @example
 * const result = await sendAttempt($fetch, { method: 'GET', path: '/api/public/health', ... });
 */
export async function sendAttempt($fetch: $Fetch, input: AttemptInput): Promise<AttemptResult> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new Error(`timed out after ${input.timeoutMs} ms`));
  }, input.timeoutMs);
  const onAbort = () => controller.abort(input.signal?.reason);
  input.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const response = await $fetch.raw<string, 'text'>(input.path, {
      method: input.method,
      query: input.query,
      headers: input.headers,
      signal: controller.signal,
      responseType: 'text',
      retry: false,
      ignoreResponseError: true,
    });
    const body = typeof response._data === 'string' ? response._data : '';
    return { kind: 'response', status: response.status, headers: response.headers, body };
  } catch (error) {
    if (input.signal?.aborted) return { kind: 'aborted', reason: input.signal.reason };
    if (timedOut) return { kind: 'timeout' };
    return { kind: 'network', error: sanitizeError(innermostFetchError(error), input.secrets) };
  } finally {
    clearTimeout(timer);
    input.signal?.removeEventListener('abort', onAbort);
  }
}
