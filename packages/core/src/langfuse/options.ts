import { z } from 'zod';
import { LangfuseError } from './errors';
import type { InvalidRecordReport } from './types';

/** The minimal logger the client writes to. It never receives keys or headers. */
export interface LangfuseLogger {
  debug(message: string, context?: Record<string, unknown>): void;
  warn(message: string, context?: Record<string, unknown>): void;
}

/**
 * Options of {@link createLangfuseClient}.
 *
 * @example
 * const options: LangfuseClientOptions = {
 *   publicKey: process.env.LANGFUSE_PUBLIC_KEY!,
 *   secretKey: process.env.LANGFUSE_SECRET_KEY!,
 *   baseUrl: 'https://cloud.langfuse.com',
 *   requestsPerMinute: 28, // Hobby plan: 30/min, with headroom
 * };
 */
export interface LangfuseClientOptions {
  /** Langfuse public key (`pk-lf-...`), the Basic-auth user. Required, non-empty. */
  publicKey: string;
  /** Langfuse secret key (`sk-lf-...`), the Basic-auth password. Required, non-empty. */
  secretKey: string;
  /** Server origin, with or without a trailing slash. Default `'https://us.cloud.langfuse.com'`. */
  baseUrl?: string;
  /** Per-request timeout in milliseconds, covering the response body too. Default `30000`. */
  timeoutMs?: number;
  /** Retries after the first attempt on 429, 5xx, network errors and timeouts. Default `5`. */
  maxRetries?: number;
  /**
   * Base of the exponential backoff in milliseconds: the n-th retry waits a random time in
   * `[0, min(retryMaxDelayMs, retryBaseDelayMs × 2^n))` ("full jitter"). Default `500`.
   */
  retryBaseDelayMs?: number;
  /** Ceiling of one backoff wait in milliseconds. Default `30000`. */
  retryMaxDelayMs?: number;
  /**
   * Longest `Retry-After` the client will sleep through, in milliseconds. A 429 asking for more
   * fails at once with `LANGFUSE_RATE_LIMITED` and `retryAfterMs`, so a spent hourly or daily
   * quota does not hold a request open for an hour. Default `60000`.
   */
  maxRetryAfterMs?: number;
  /**
   * Client-side pacing: requests (retries included) start at least `60000 / requestsPerMinute`
   * milliseconds apart. Set it at or a little below the plan's limit (Hobby: 30) so Langfuse never
   * throttles. Default: no pacing.
   */
  requestsPerMinute?: number;
  /** The fetch implementation. Default: `globalThis.fetch`, looked up at each request. */
  fetch?: typeof globalThis.fetch;
  /** Random source in `[0, 1)` for backoff jitter; inject for deterministic tests. Default `Math.random`. */
  random?: () => number;
  /** Called once per record that failed validation and was skipped. */
  onInvalidRecord?: (report: InvalidRecordReport) => void;
  /** Receives retry and skipped-record notices. Default: silent. */
  logger?: LangfuseLogger;
}

/** {@link LangfuseClientOptions} with every default applied. */
export interface ResolvedLangfuseOptions
  extends Required<
    Omit<LangfuseClientOptions, 'requestsPerMinute' | 'onInvalidRecord' | 'logger'>
  > {
  requestsPerMinute: number | undefined;
  onInvalidRecord: ((report: InvalidRecordReport) => void) | undefined;
  logger: LangfuseLogger | undefined;
}

const nonNegativeInt = z.number().int().nonnegative();

const optionsSchema = z.object({
  publicKey: z.string().trim().min(1, 'publicKey is missing or empty (LANGFUSE_PUBLIC_KEY)'),
  secretKey: z.string().trim().min(1, 'secretKey is missing or empty (LANGFUSE_SECRET_KEY)'),
  baseUrl: z
    .url({ protocol: /^https?$/, error: 'baseUrl must be an http(s) URL' })
    .refine((url) => !new URL(url).username && !new URL(url).password, {
      error: 'baseUrl must not contain credentials: pass publicKey and secretKey instead',
    })
    .default('https://us.cloud.langfuse.com'),
  timeoutMs: z.number().int().positive().default(30_000),
  maxRetries: nonNegativeInt.default(5),
  retryBaseDelayMs: nonNegativeInt.default(500),
  retryMaxDelayMs: nonNegativeInt.default(30_000),
  maxRetryAfterMs: nonNegativeInt.default(60_000),
  requestsPerMinute: z.number().positive().optional(),
});

/**
 * Validates the options and fills in defaults. Throws `LANGFUSE_CONFIG` naming the bad option;
 * the message never repeats a key's value.
 *
 * @example
 * resolveLangfuseOptions({ publicKey: 'pk-lf-1', secretKey: 'sk-lf-1' }).timeoutMs; // 30000
 */
export function resolveLangfuseOptions(options: LangfuseClientOptions): ResolvedLangfuseOptions {
  const parsed = optionsSchema.safeParse({
    publicKey: options?.publicKey,
    secretKey: options?.secretKey,
    baseUrl: options?.baseUrl,
    timeoutMs: options?.timeoutMs,
    maxRetries: options?.maxRetries,
    retryBaseDelayMs: options?.retryBaseDelayMs,
    retryMaxDelayMs: options?.retryMaxDelayMs,
    maxRetryAfterMs: options?.maxRetryAfterMs,
    requestsPerMinute: options?.requestsPerMinute,
  });
  if (!parsed.success) {
    // Issue messages name the option; they never echo the value (which may be a key).
    const problems = parsed.error.issues.map((issue) => {
      const option = issue.path.join('.');
      return issue.code === 'invalid_type' && (option === 'publicKey' || option === 'secretKey')
        ? `${option} is missing (LANGFUSE_${option === 'publicKey' ? 'PUBLIC' : 'SECRET'}_KEY)`
        : issue.message.includes(option)
          ? issue.message
          : `${option}: ${issue.message}`;
    });
    throw new LangfuseError(
      'LANGFUSE_CONFIG',
      `Invalid Langfuse client options: ${problems.join('; ')}`,
    );
  }
  const fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  return {
    ...parsed.data,
    baseUrl: parsed.data.baseUrl.replace(/\/+$/, ''),
    requestsPerMinute: parsed.data.requestsPerMinute,
    fetch: fetchImpl,
    random: options.random ?? Math.random,
    onInvalidRecord: options.onInvalidRecord,
    logger: options.logger,
  };
}
