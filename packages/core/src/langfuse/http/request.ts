import { createFetch } from 'ofetch';
import type { ResolvedLangfuseOptions } from '../options';
import type { LangfuseClientStats } from '../types';
import { sendAttempt } from './attempt';
import { basicAuthHeader } from './auth';
import { parseJsonBody, type QueryValue, toQuery } from './body';
import { abortedError, type RequestTarget } from './failures';
import { createPacer } from './pacer';
import { decideRetry } from './retry';
import { sleep } from './sleep';

export type { QueryValue } from './body';

/** One logical call; the client may send it several times. */
export interface HttpRequest {
  /** Path below the base URL, e.g. `/api/public/traces`. */
  path: string;
  query?: Record<string, QueryValue>;
  /** Send the Basic-auth header. Default `true` (health is the one endpoint without). */
  auth?: boolean;
  /** Retries for this call. Default: the client's `maxRetries`. */
  maxRetries?: number;
  signal?: AbortSignal;
}

/** Sends requests with auth, timeout, pacing and retries; see {@link createHttpClient}. */
export interface HttpClient {
  /** Resolves with the parsed JSON body of a 2xx answer; throws a `LangfuseError` otherwise. */
  request(request: HttpRequest): Promise<unknown>;
  /** The counters so far (a snapshot copy). */
  readonly stats: LangfuseClientStats;
}

/**
 * The transport of the Langfuse client: one ofetch instance with ofetch's own retries and error
 * throwing off (so status and headers are read here), Basic auth, a per-attempt timeout,
 * client-side pacing, and the retry loop of {@link decideRetry}. Every attempt, retries included,
 * passes the pacer and counts in `stats.requests`.
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

  async function send(request: HttpRequest, target: RequestTarget): Promise<unknown> {
    const { signal } = request;
    const maxRetries = request.maxRetries ?? options.maxRetries;
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
      if (result.kind === 'response') {
        if (result.status >= 200 && result.status < 300) return parseJsonBody(result.body, target);
        if (result.status === 429) stats.rateLimited++;
      }
      const decision = decideRetry(result, target, retry, options, secrets);
      if (!decision.retry || retry >= maxRetries) throw decision.failure;
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
