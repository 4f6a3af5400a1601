import { createFetch } from 'ofetch';
import type { LangfuseError } from '../errors';
import type { ResolvedLangfuseOptions } from '../options';
import type { LangfuseClientStats } from '../types';
import { type AttemptResult, sendAttempt } from './attempt';
import { basicAuthHeader } from './auth';
import { backoffDelayMs } from './backoff';
import {
  abortedError,
  invalidResponseError,
  networkError,
  type RequestTarget,
  retryAfterTooLong,
  statusError,
  timeoutError,
} from './failures';
import { createPacer } from './pacer';
import { parseRetryAfter } from './retry-after';
import { mask } from './sanitize';
import { sleep } from './sleep';

/** A query value; `undefined` and `null` are dropped, arrays become repeated keys. */
export type QueryValue = string | number | boolean | string[] | null | undefined;

/** One logical call; the client may send it several times. */
export interface HttpRequest {
  /** Path below the base URL, e.g. `/api/public/traces`. */
  path: string;
  query?: Record<string, QueryValue>;
  /** Send the Basic-auth header. Default `true` (health is the one endpoint without). */
  auth?: boolean;
  signal?: AbortSignal;
}

/** Sends requests with auth, timeout, pacing and retries; see {@link createHttpClient}. */
export interface HttpClient {
  /** Resolves with the parsed JSON body of a 2xx answer; throws a `LangfuseError` otherwise. */
  request(request: HttpRequest): Promise<unknown>;
  /** Live counters (a snapshot copy). */
  readonly stats: LangfuseClientStats;
}

type Decision =
  | { retry: true; delayMs: number; failure: LangfuseError }
  | { retry: false; failure: LangfuseError };

/**
 * The transport of the Langfuse client: one ofetch instance (ofetch's own retry and error throwing
 * off, so status and headers are read here), Basic auth, a per-attempt timeout, client-side pacing
 * and a retry loop on 429, 5xx, timeouts and network errors that honours `Retry-After`.
 *
 * @example
 * const http = createHttpClient(resolveLangfuseOptions({ publicKey, secretKey }));
 * const body = await http.request({ path: '/api/public/projects' });
 */
export function createHttpClient(options: ResolvedLangfuseOptions): HttpClient {
  const $fetch = createFetch({ fetch: options.fetch }).create({ baseURL: options.baseUrl });
  const authorization = basicAuthHeader(options.publicKey, options.secretKey);
  const secrets = [
    authorization,
    authorization.slice('Basic '.length),
    options.secretKey,
    options.publicKey,
  ];
  const pacer = createPacer(options.requestsPerMinute);
  const stats: LangfuseClientStats = { requests: 0, retries: 0, rateLimited: 0, failures: 0 };

  function decide(
    result: Exclude<AttemptResult, { kind: 'aborted' }>,
    target: RequestTarget,
    retry: number,
  ): Decision {
    const backoff = () =>
      backoffDelayMs(retry, {
        baseMs: options.retryBaseDelayMs,
        maxMs: options.retryMaxDelayMs,
        random: options.random,
      });
    if (result.kind === 'timeout')
      return { retry: true, delayMs: backoff(), failure: timeoutError(options.timeoutMs, target) };
    if (result.kind === 'network')
      return { retry: true, delayMs: backoff(), failure: networkError(result.error, target) };
    const { status } = result;
    const retryAfterMs =
      status === 429 || status === 503
        ? parseRetryAfter(result.headers.get('retry-after'), Date.now())
        : undefined;
    const failure = statusError(status, serverMessage(result.body, secrets), target, retryAfterMs);
    if (status !== 429 && status < 500) return { retry: false, failure };
    if (retryAfterMs !== undefined && retryAfterMs > options.maxRetryAfterMs) {
      return {
        retry: false,
        failure:
          status === 429
            ? retryAfterTooLong(retryAfterMs, options.maxRetryAfterMs, target)
            : failure,
      };
    }
    return { retry: true, delayMs: retryAfterMs ?? backoff(), failure };
  }

  async function send(request: HttpRequest, target: RequestTarget): Promise<unknown> {
    const { signal } = request;
    const headers: Record<string, string> = { accept: 'application/json' };
    if (request.auth !== false) headers.authorization = authorization;
    const query = toQuery(request.query);
    for (let retry = 0; ; retry++) {
      try {
        signal?.throwIfAborted();
        await pacer.acquire(signal);
      } catch (reason) {
        throw abortedError(target, reason);
      }
      target.attempts++;
      stats.requests++;
      if (retry > 0) stats.retries++;
      const result = await sendAttempt($fetch, {
        method: target.method,
        path: target.path,
        query,
        headers,
        timeoutMs: options.timeoutMs,
        signal,
        secrets,
      });
      if (result.kind === 'aborted') throw abortedError(target, result.reason);
      if (result.kind === 'response' && result.status === 429) stats.rateLimited++;
      if (result.kind === 'response' && result.status >= 200 && result.status < 300) {
        return parseJson(result.body, target);
      }
      const decision = decide(result, target, retry);
      if (!decision.retry || retry >= options.maxRetries) throw decision.failure;
      options.logger?.debug('Retrying Langfuse request', {
        method: target.method,
        path: target.path,
        code: decision.failure.code,
        status: decision.failure.status,
        retry: retry + 1,
        delayMs: decision.delayMs,
      });
      try {
        await sleep(decision.delayMs, signal);
      } catch (reason) {
        throw abortedError(target, reason);
      }
    }
  }

  return {
    async request(request) {
      const target: RequestTarget = {
        method: 'GET',
        path: request.path,
        baseUrl: options.baseUrl,
        attempts: 0,
      };
      try {
        return await send(request, target);
      } catch (error) {
        stats.failures++;
        throw error;
      }
    },
    get stats() {
      return { ...stats };
    },
  };
}

function toQuery(query: Record<string, QueryValue> | undefined): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) {
      if (value.length > 0) out[key] = value;
    } else out[key] = String(value);
  }
  return out;
}

function parseJson(body: string, target: RequestTarget): unknown {
  try {
    return JSON.parse(body);
  } catch {
    throw invalidResponseError(body.trim() === '' ? 'empty body' : 'not JSON', target);
  }
}

/** The server's own explanation (Langfuse sends `{ message }` or `{ error }`), shortened and masked. */
function serverMessage(body: string, secrets: readonly string[]): string | undefined {
  let text = body.trim();
  try {
    const parsed: unknown = JSON.parse(body);
    if (parsed && typeof parsed === 'object') {
      const { message, error } = parsed as { message?: unknown; error?: unknown };
      const picked =
        typeof message === 'string' ? message : typeof error === 'string' ? error : undefined;
      if (picked !== undefined) text = picked;
    }
  } catch {
    // Not JSON: keep the raw text (an HTML error page from a proxy, say).
  }
  if (!text) return undefined;
  const short = text.length > 300 ? `${text.slice(0, 300)}…` : text;
  return mask(short, secrets);
}
