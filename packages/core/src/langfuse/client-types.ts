import type {
  CallOptions,
  GetObservationsParams,
  GetObservationsV2Params,
  GetScoresParams,
  GetScoresV3Params,
  GetSessionsParams,
  GetTracesParams,
} from './request-params';
import type {
  LangfuseObservation,
  LangfuseObservationV2,
  LangfuseScore,
  LangfuseScoreV3,
  LangfuseSession,
  LangfuseTrace,
} from './schemas/index';
import type { CursorPage, InvalidRecord, LangfuseClientStats, LegacyPage } from './types';

/** A trace with its observations, from `GET /api/public/traces/{traceId}`. */
export type LangfuseTraceDetail = LangfuseTrace & { observations: LangfuseObservation[] };

/** What {@link LangfuseClient.checkConnection} resolves with when the keys work. */
export interface ConnectionInfo {
  ok: true;
  /** The project the keys belong to, when the server says. */
  projectId?: string;
  projectName?: string;
  organizationId?: string;
  organizationName?: string;
}

/** What `GET /api/public/health` answers. */
export interface HealthInfo {
  /** `"OK"` on a healthy server. */
  status: string;
  /** The Langfuse server version, e.g. `"3.120.0"`, when sent. */
  version: string | null;
}

/**
 * A typed, validated, rate-limit-aware client of the Langfuse public API (both generations);
 * create one with {@link createLangfuseClient}. Every method takes an optional `{ signal }` and
 * rejects with a `LangfuseError`.
 */
export interface LangfuseClient {
  /**
   * Counters since creation (a snapshot): HTTP requests sent (retries included), retries, 429s,
   * failed calls.
   *
   * @example
   * console.log(`${client.stats.requests} requests, ${client.stats.rateLimited} throttled`);
   */
  readonly stats: LangfuseClientStats;

  /**
   * One page of sessions (legacy, newest first).
   *
   * @example
   * const { data, meta } = await client.getSessions({ page: 1, limit: 100 });
   */
  getSessions(
    params?: GetSessionsParams,
    options?: CallOptions,
  ): Promise<LegacyPage<LangfuseSession>>;

  /**
   * One page of traces (legacy, newest first unless `orderBy`).
   *
   * @example
   * const { data } = await client.getTraces({ limit: 100, orderBy: 'timestamp.asc' });
   */
  getTraces(params?: GetTracesParams, options?: CallOptions): Promise<LegacyPage<LangfuseTrace>>;

  /**
   * One trace with its observations (legacy); `LANGFUSE_NOT_FOUND` when unknown. Malformed
   * observations are skipped and listed in `invalid`.
   *
   * @example
   * const { data } = await client.getTrace('trace-1');
   * data.observations.length;
   */
  getTrace(
    traceId: string,
    options?: CallOptions,
  ): Promise<{ data: LangfuseTraceDetail; invalid: InvalidRecord[] }>;

  /**
   * One page of observations (legacy v1, newest first).
   *
   * @example
   * const { data } = await client.getObservations({ traceId: 'trace-1', limit: 100 });
   */
  getObservations(
    params?: GetObservationsParams,
    options?: CallOptions,
  ): Promise<LegacyPage<LangfuseObservation>>;

  /**
   * One page of v2 observations (newest first). Fields of groups not requested are absent.
   *
   * @example
   * const page = await client.getObservationsV2({ limit: 1000, fields: ['core', 'basic', 'usage'] });
   * const next = page.cursor; // null on the last page
   */
  getObservationsV2(
    params?: GetObservationsV2Params,
    options?: CallOptions,
  ): Promise<CursorPage<LangfuseObservationV2>>;

  /**
   * One page of scores (legacy `GET /api/public/v2/scores`, at most 100). TEXT and CORRECTION
   * scores pass validation; {@link scoreToRecord} leaves them out.
   *
   * @example
   * const { data, meta } = await client.getScores({ page: 1, limit: 100, name: 'helpfulness' });
   */
  getScores(params?: GetScoresParams, options?: CallOptions): Promise<LegacyPage<LangfuseScore>>;

  /**
   * One page of v3 scores (`GET /api/public/v3/scores`, at most 100). Ask for the `subject` group
   * to learn what a score is attached to.
   *
   * @example
   * const page = await client.getScoresV3({ limit: 100, fields: ['details', 'subject'] });
   * const next = page.cursor; // null on the last page
   */
  getScoresV3(
    params?: GetScoresV3Params,
    options?: CallOptions,
  ): Promise<CursorPage<LangfuseScoreV3>>;

  /**
   * Every page of sessions from `params.page` (default 1) to the last the totals announce. The
   * limit defaults to 100 here (not the server's 50): N sessions take `ceil(N / limit)` requests.
   *
   * @example
   * for await (const page of client.paginateSessions()) await save(page.data, page.meta.page);
   */
  paginateSessions(
    params?: GetSessionsParams,
    options?: CallOptions,
  ): AsyncGenerator<LegacyPage<LangfuseSession>>;

  /**
   * Every page of traces; as {@link LangfuseClient.paginateSessions}.
   *
   * @example
   * for await (const page of client.paginateTraces({ fromTimestamp: since })) await save(page.data);
   */
  paginateTraces(
    params?: GetTracesParams,
    options?: CallOptions,
  ): AsyncGenerator<LegacyPage<LangfuseTrace>>;

  /**
   * Every page of legacy observations; as {@link LangfuseClient.paginateSessions}.
   *
   * @example
   * for await (const page of client.paginateObservations({ fromStartTime: since })) await save(page.data);
   */
  paginateObservations(
    params?: GetObservationsParams,
    options?: CallOptions,
  ): AsyncGenerator<LegacyPage<LangfuseObservation>>;

  /**
   * Every page of v2 observations, from `params.cursor` (to resume) or the start, with the same
   * filters on every page. The limit defaults to 1000 here: N observations take `ceil(N / limit)`
   * requests. A repeating cursor throws `LANGFUSE_PAGINATION`.
   *
   * @example
   * for await (const page of client.paginateObservationsV2({ cursor: saved, fromStartTime: from, toStartTime: to })) {
   *   await save(page.data);
   *   saved = page.cursor ?? undefined; // checkpoint per page
   * }
   */
  paginateObservationsV2(
    params?: GetObservationsV2Params,
    options?: CallOptions,
  ): AsyncGenerator<CursorPage<LangfuseObservationV2>>;

  /**
   * Every page of legacy scores; as {@link LangfuseClient.paginateSessions} (limit 100 by default:
   * N scores take `max(1, ceil(N / 100))` requests).
   *
   * @example
   * for await (const page of client.paginateScores({ fromTimestamp: since })) await save(page.data);
   */
  paginateScores(
    params?: GetScoresParams,
    options?: CallOptions,
  ): AsyncGenerator<LegacyPage<LangfuseScore>>;

  /**
   * Every page of v3 scores from `params.cursor` (to resume) or the start, with the same filters
   * on every page. The limit defaults to 100 (the most the endpoint allows): N scores take
   * `ceil(N / 100)` requests. A repeating cursor throws `LANGFUSE_PAGINATION`.
   *
   * @example
   * for await (const page of client.paginateScoresV3({ fields: ['details', 'subject'], fromTimestamp: from })) {
   *   await save(page.data.map(scoreV3ToRecord));
   *   saved = page.cursor ?? undefined; // checkpoint per page
   * }
   */
  paginateScoresV3(
    params?: GetScoresV3Params,
    options?: CallOptions,
  ): AsyncGenerator<CursorPage<LangfuseScoreV3>>;

  /**
   * Verifies the keys with `GET /api/public/projects`; rejects with `LANGFUSE_AUTH` when they are
   * refused, `LANGFUSE_NETWORK` when the server is unreachable.
   *
   * @example
   * const { projectId } = await client.checkConnection();
   */
  checkConnection(options?: CallOptions): Promise<ConnectionInfo>;

  /**
   * `GET /api/public/health`, without auth and in a single attempt (it reports the server's state
   * now rather than waiting for it to recover); a 503 rejects with `LANGFUSE_HTTP`.
   *
   * @example
   * const { status, version } = await client.health();
   */
  health(options?: CallOptions): Promise<HealthInfo>;
}
