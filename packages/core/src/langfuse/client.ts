import type { ConnectionInfo, LangfuseClient } from './client-types';
import { LangfuseError } from './errors';
import type { RequestTarget } from './http/failures';
import { createHttpClient } from './http/request';
import { type LangfuseClientOptions, resolveLangfuseOptions } from './options';
import { paginateCursor, paginateLegacy } from './paginate';
import { LEGACY_MAX_LIMIT, SCORES_MAX_LIMIT, toQueryParams, V2_MAX_LIMIT } from './params';
import {
  cursorEnvelopeSchema,
  healthSchema,
  legacyEnvelopeSchema,
  observationSchema,
  observationV2Schema,
  projectsSchema,
  scoreSchema,
  scoreV3Schema,
  sessionSchema,
  traceDetailEnvelopeSchema,
  traceSchema,
} from './schemas/index';
import { parseEnvelope, validateRecords } from './validate';

const PATHS = {
  sessions: '/api/public/sessions',
  traces: '/api/public/traces',
  observations: '/api/public/observations',
  observationsV2: '/api/public/v2/observations',
  scores: '/api/public/v2/scores',
  scoresV3: '/api/public/v3/scores',
  projects: '/api/public/projects',
  health: '/api/public/health',
} as const;

/**
 * Creates a Langfuse client. Options are validated at once (`LANGFUSE_CONFIG` on missing keys);
 * nothing is sent until a method is called.
 *
 * Every call: Basic auth, a `timeoutMs` timeout, optional pacing, up to `maxRetries` retries on
 * 429/5xx/timeouts/network errors with full-jitter backoff or the server's `Retry-After`. Every
 * record is validated on its own: a malformed one is skipped and reported in `invalid` and to
 * `onInvalidRecord`, never returned in `data`.
 *
 * @example
 * const client = createLangfuseClient({
 *   publicKey: process.env.LANGFUSE_PUBLIC_KEY!,
 *   secretKey: process.env.LANGFUSE_SECRET_KEY!,
 *   requestsPerMinute: 28,
 * });
 * await client.checkConnection();
 * for await (const page of client.paginateObservationsV2({ fields: ['core', 'basic', 'usage'] })) {
 *   await store.upsertObservations(page.data.map(observationV2ToRecord));
 *   await saveCheckpoint(page.cursor);
 * }
 */
export function createLangfuseClient(options: LangfuseClientOptions): LangfuseClient {
  const resolved = resolveLangfuseOptions(options);
  const http = createHttpClient(resolved);
  const sink = { onInvalidRecord: resolved.onInvalidRecord, logger: resolved.logger };
  const targetOf = (path: string): RequestTarget => ({
    method: 'GET',
    path,
    baseUrl: resolved.baseUrl,
    attempts: 1,
  });

  async function cursorPage<S extends Parameters<typeof validateRecords>[0]>(
    path: string,
    query: ReturnType<typeof toQueryParams>,
    schema: S,
    signal: AbortSignal | undefined,
  ) {
    const body = await http.request({ path, query, signal });
    const envelope = parseEnvelope(cursorEnvelopeSchema, body, targetOf(path));
    const { data, invalid } = validateRecords(schema, envelope.data, path, sink);
    return { data, cursor: envelope.meta?.cursor || null, invalid };
  }

  async function legacyPage<S extends Parameters<typeof validateRecords>[0]>(
    path: string,
    query: ReturnType<typeof toQueryParams>,
    schema: S,
    signal: AbortSignal | undefined,
  ) {
    const body = await http.request({ path, query, signal });
    const envelope = parseEnvelope(legacyEnvelopeSchema, body, targetOf(path));
    const { data, invalid } = validateRecords(schema, envelope.data, path, sink);
    return { data, meta: envelope.meta, invalid };
  }

  const client: LangfuseClient = {
    get stats() {
      return http.stats;
    },
    async getSessions(params, callOptions) {
      const query = toQueryParams('sessions', params, PATHS.sessions);
      return legacyPage(PATHS.sessions, query, sessionSchema, callOptions?.signal);
    },
    async getTraces(params, callOptions) {
      const query = toQueryParams('traces', params, PATHS.traces);
      return legacyPage(PATHS.traces, query, traceSchema, callOptions?.signal);
    },
    async getObservations(params, callOptions) {
      const query = toQueryParams('observations', params, PATHS.observations);
      return legacyPage(PATHS.observations, query, observationSchema, callOptions?.signal);
    },
    async getTrace(traceId, callOptions) {
      if (typeof traceId !== 'string' || traceId === '') {
        throw new LangfuseError('LANGFUSE_INVALID_PARAMS', 'getTrace needs a non-empty trace id.');
      }
      const path = `${PATHS.traces}/${encodeURIComponent(traceId)}`;
      const body = await http.request({ path, signal: callOptions?.signal });
      const { observations, ...trace } = parseEnvelope(
        traceDetailEnvelopeSchema,
        body,
        targetOf(path),
      );
      const checked = validateRecords(observationSchema, observations ?? [], path, sink);
      return { data: { ...trace, observations: checked.data }, invalid: checked.invalid };
    },
    async getObservationsV2(params, callOptions) {
      const query = toQueryParams('observationsV2', params, PATHS.observationsV2);
      return cursorPage(PATHS.observationsV2, query, observationV2Schema, callOptions?.signal);
    },
    async getScores(params, callOptions) {
      const query = toQueryParams('scores', params, PATHS.scores);
      return legacyPage(PATHS.scores, query, scoreSchema, callOptions?.signal);
    },
    async getScoresV3(params, callOptions) {
      const query = toQueryParams('scoresV3', params, PATHS.scoresV3);
      return cursorPage(PATHS.scoresV3, query, scoreV3Schema, callOptions?.signal);
    },
    paginateSessions(params = {}, callOptions) {
      const base = { ...params, limit: params.limit ?? LEGACY_MAX_LIMIT };
      return paginateLegacy(
        (page) => client.getSessions({ ...base, page }, callOptions),
        params.page ?? 1,
        PATHS.sessions,
      );
    },
    paginateTraces(params = {}, callOptions) {
      const base = { ...params, limit: params.limit ?? LEGACY_MAX_LIMIT };
      return paginateLegacy(
        (page) => client.getTraces({ ...base, page }, callOptions),
        params.page ?? 1,
        PATHS.traces,
      );
    },
    paginateObservations(params = {}, callOptions) {
      const base = { ...params, limit: params.limit ?? LEGACY_MAX_LIMIT };
      return paginateLegacy(
        (page) => client.getObservations({ ...base, page }, callOptions),
        params.page ?? 1,
        PATHS.observations,
      );
    },
    paginateObservationsV2(params = {}, callOptions) {
      const { cursor: startCursor, ...filters } = params;
      const base = { ...filters, limit: params.limit ?? V2_MAX_LIMIT };
      return paginateCursor(
        (cursor) => client.getObservationsV2(cursor ? { ...base, cursor } : base, callOptions),
        startCursor,
        PATHS.observationsV2,
      );
    },
    paginateScores(params = {}, callOptions) {
      const base = { ...params, limit: params.limit ?? SCORES_MAX_LIMIT };
      return paginateLegacy(
        (page) => client.getScores({ ...base, page }, callOptions),
        params.page ?? 1,
        PATHS.scores,
      );
    },
    paginateScoresV3(params = {}, callOptions) {
      const { cursor: startCursor, ...filters } = params;
      const base = { ...filters, limit: params.limit ?? SCORES_MAX_LIMIT };
      return paginateCursor(
        (cursor) => client.getScoresV3(cursor ? { ...base, cursor } : base, callOptions),
        startCursor,
        PATHS.scoresV3,
      );
    },
    async checkConnection(callOptions) {
      const body = await http.request({ path: PATHS.projects, signal: callOptions?.signal });
      const project = parseEnvelope(projectsSchema, body, targetOf(PATHS.projects)).data[0];
      const info: ConnectionInfo = { ok: true };
      if (project) {
        info.projectId = project.id;
        if (project.name) info.projectName = project.name;
        if (project.organization) {
          info.organizationId = project.organization.id;
          if (project.organization.name) info.organizationName = project.organization.name;
        }
      }
      return info;
    },
    async health(callOptions) {
      const body = await http.request({
        path: PATHS.health,
        auth: false,
        maxRetries: 0,
        signal: callOptions?.signal,
      });
      const parsed = parseEnvelope(healthSchema, body, targetOf(PATHS.health));
      return { status: parsed.status, version: parsed.version ?? null };
    },
  };
  return client;
}
