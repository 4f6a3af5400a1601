/** Options every fault takes. */
export interface FaultScope {
  /**
   * How many requests the fault hits (for `malformed` without `ids`: how many records). Default 1,
   * or unlimited when `probability` or `ids` is given.
   */
  count?: number;
  /** Only requests whose path starts with this text (or matches this pattern). Default: all. */
  path?: string | RegExp;
  /**
   * Seeded random mode for fault matrices: each candidate request (record, for `malformed`) is hit
   * with this probability in [0, 1]. The same seed gives the same hits for the same requests.
   */
  probability?: number;
  /** Seed of the random mode. Default 1. */
  seed?: number;
}

/** 429 with Retry-After `retryAfterSeconds` (default 1) and the rate-limit headers and body. */
export interface RateLimitFault extends FaultScope {
  kind: 'rate_limit';
  retryAfterSeconds?: number;
}

/** A 5xx answer (default 500). */
export interface ServerErrorFault extends FaultScope {
  kind: 'server_error';
  status?: 500 | 502 | 503 | 504;
}

/** The normal answer, `delayMs` later (default 1000 ms). */
export interface SlowFault extends FaultScope {
  kind: 'slow';
  delayMs?: number;
}

/** No answer: the real server destroys the socket; in-process transports fail like a network. */
export interface DropConnectionFault extends FaultScope {
  kind: 'drop_connection';
}

/**
 * Records served broken (alternately without `id`, or with an invalid start time or timestamp).
 * A record once broken stays broken while the fault is active and is listed in
 * `sim.malformedIds`, so a test can expect the truth minus exactly those ids.
 */
export interface MalformedFault extends FaultScope {
  kind: 'malformed';
  /** Break exactly these records, wherever they are served. */
  ids?: string[];
}

/**
 * A v2 observations page that answers a request carrying a `cursor` with that same cursor, as a
 * server whose paging fails to advance would: a client following it would loop forever. Only
 * requests that carry a cursor are candidates (the first page has none to repeat), so `count`
 * counts those.
 */
export interface RepeatCursorFault extends FaultScope {
  kind: 'repeat_cursor';
}

/**
 * A fault to inject.
 *
 * @example
 * sim.faults.inject({ kind: 'rate_limit', count: 3, retryAfterSeconds: 2 });
 * sim.faults.inject({ kind: 'server_error', status: 503, path: '/api/public/v2/observations' });
 * sim.faults.inject({ kind: 'drop_connection', probability: 0.2, seed: 7 });
 * sim.faults.inject({ kind: 'repeat_cursor' }); // the next cursor page sends its cursor back
 */
export type FaultSpec =
  | RateLimitFault
  | ServerErrorFault
  | SlowFault
  | DropConnectionFault
  | MalformedFault
  | RepeatCursorFault;

export type FaultKind = FaultSpec['kind'];
