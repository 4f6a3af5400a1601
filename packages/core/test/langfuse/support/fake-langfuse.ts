/**
 * A tiny in-test stand-in for the Langfuse public API, transport-agnostic: msw handlers and a
 * node:http server both delegate to `handle`. It serves generated sessions, traces, legacy and v2
 * observations with the real envelopes, checks Basic auth, logs every request, and can be told to
 * answer the next requests with a scripted status, a dropped connection or silence.
 */
export const PUBLIC_KEY = 'pk-lf-test-public';
export const SECRET_KEY = 'sk-lf-very-secret-value-42';
export const AUTH = `Basic ${Buffer.from(`${PUBLIC_KEY}:${SECRET_KEY}`).toString('base64')}`;

export interface FakeReply {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/** A scripted answer for the next request: a reply, a dropped socket, or no answer at all. */
export type Scripted = FakeReply | 'drop' | 'hang';

export interface LoggedRequest {
  path: string;
  query: URLSearchParams;
  authorization: string | null;
}

export interface FakeCounts {
  sessions?: number;
  traces?: number;
  observations?: number;
  observationsV2?: number;
  /** Legacy scores (`/api/public/v2/scores`). */
  scores?: number;
  /** v3 scores (`/api/public/v3/scores`). */
  scoresV3?: number;
}

/** Score `i`'s data type and values: numeric, boolean and categorical in turn. */
function scoreKind(i: number) {
  const kinds = [
    { dataType: 'NUMERIC', name: 'helpfulness', value: (i % 10) / 10, stringValue: undefined },
    { dataType: 'BOOLEAN', name: 'thumbs-up', value: i % 2, stringValue: i % 2 ? 'True' : 'False' },
    { dataType: 'CATEGORICAL', name: 'tone', value: 0, stringValue: ['warm', 'cold'][i % 2] },
  ] as const;
  return kinds[i % 3] as (typeof kinds)[number];
}

/** A legacy score (GetScoresResponseData) on trace `i`, or on session 1 every fifth score. */
export function legacyScore(i: number): Record<string, unknown> {
  const kind = scoreKind(i);
  const onSession = i % 5 === 4;
  return {
    id: `score-${i}`,
    traceId: onSession ? null : `trace-${i}`,
    sessionId: onSession ? 'session-1' : null,
    observationId: i % 3 === 0 && !onSession ? `obs-${i}` : null,
    datasetRunId: null,
    name: kind.name,
    source: i % 3 === 0 ? 'EVAL' : 'API',
    timestamp: iso(i),
    createdAt: iso(i),
    updatedAt: iso(i + 1),
    authorUserId: null,
    comment: i % 4 === 0 ? 'looks right' : null,
    metadata: {},
    configId: null,
    queueId: null,
    environment: 'default',
    dataType: kind.dataType,
    value: kind.value,
    ...(kind.stringValue === undefined ? {} : { stringValue: kind.stringValue }),
    // A session score has no trace; the spec does not let `trace` be null there.
    ...(onSession
      ? {}
      : { trace: { userId: 'user-1', tags: [], environment: 'default', sessionId: 'session-1' } }),
  };
}

/** The same score as {@link legacyScore}, as v3 serves it with the details and subject groups. */
export function v3Score(i: number): Record<string, unknown> {
  const legacy = legacyScore(i);
  const kind = scoreKind(i);
  const value =
    kind.dataType === 'NUMERIC'
      ? kind.value
      : kind.dataType === 'BOOLEAN'
        ? kind.value === 1
        : kind.stringValue;
  const subject =
    legacy.sessionId !== null
      ? { kind: 'session', id: legacy.sessionId }
      : legacy.observationId !== null
        ? { kind: 'observation', id: legacy.observationId, traceId: legacy.traceId }
        : { kind: 'trace', id: legacy.traceId };
  return {
    id: legacy.id,
    projectId: 'project-1',
    name: legacy.name,
    dataType: kind.dataType,
    value,
    source: legacy.source,
    timestamp: legacy.timestamp,
    environment: 'default',
    createdAt: legacy.createdAt,
    updatedAt: legacy.updatedAt,
    comment: legacy.comment,
    configId: null,
    metadata: {},
    subject,
  };
}

const BASE_MS = Date.parse('2026-11-20T00:00:00.000Z');
const iso = (i: number) => new Date(BASE_MS + i * 1000).toISOString();

export function v2Observation(i: number): Record<string, unknown> {
  return {
    id: `obs-${i}`,
    traceId: `trace-${Math.floor(i / 10)}`,
    startTime: iso(i),
    endTime: iso(i + 2),
    projectId: 'project-1',
    parentObservationId: null,
    type: 'GENERATION',
    name: 'Mortal',
    level: 'DEFAULT',
    statusMessage: null,
    version: null,
    environment: 'default',
    bookmarked: false,
    public: false,
    sessionId: 'session-1',
    userId: 'user-1',
    isRootObservation: false,
    // The spec lists the model prices as always present: null when the model group is not asked.
    modelId: null,
    inputPrice: null,
    outputPrice: null,
    totalPrice: null,
  };
}

export function legacyObservation(i: number): Record<string, unknown> {
  return {
    id: `obs-${i}`,
    traceId: `trace-${i}`,
    type: 'SPAN',
    name: 'step',
    startTime: iso(i),
    endTime: null,
    completionStartTime: null,
    model: null,
    modelParameters: {},
    input: { question: 'hi' },
    output: null,
    version: null,
    metadata: {},
    usage: {
      input: 0,
      output: 0,
      total: 0,
      unit: 'TOKENS',
      inputCost: null,
      outputCost: null,
      totalCost: null,
    },
    level: 'DEFAULT',
    statusMessage: null,
    parentObservationId: null,
    promptId: null,
    usageDetails: {},
    costDetails: {},
    environment: 'default',
    promptName: null,
    promptVersion: null,
    modelId: null,
    inputPrice: null,
    outputPrice: null,
    totalPrice: null,
    calculatedInputCost: null,
    calculatedOutputCost: null,
    calculatedTotalCost: null,
    latency: null,
    timeToFirstToken: null,
  };
}

export function session(i: number): Record<string, unknown> {
  return { id: `session-${i}`, createdAt: iso(i), projectId: 'project-1', environment: 'default' };
}

export function trace(i: number): Record<string, unknown> {
  return {
    id: `trace-${i}`,
    timestamp: iso(i),
    name: 'turn',
    sessionId: null,
    release: null,
    version: null,
    userId: null,
    tags: [],
    public: false,
    environment: 'default',
    htmlPath: `/trace/${i}`,
    latency: 1.5,
    totalCost: 0,
  };
}

const encodeCursor = (offset: number) => Buffer.from(JSON.stringify({ offset })).toString('base64');
const decodeCursor = (cursor: string) =>
  (JSON.parse(Buffer.from(cursor, 'base64').toString('utf8')) as { offset: number }).offset;

export function createFakeLangfuse(counts: FakeCounts = {}) {
  const requests: LoggedRequest[] = [];
  const script: Scripted[] = [];
  /** Rows the tests can tamper with, generated lazily. */
  const overrides = new Map<string, Record<string, unknown>>();

  function legacyList(
    total: number,
    make: (i: number) => Record<string, unknown>,
    query: URLSearchParams,
    kind: string,
  ) {
    const page = Number(query.get('page') ?? '1');
    const limit = Number(query.get('limit') ?? '50');
    const start = (page - 1) * limit;
    const data = [];
    for (let i = start; i < Math.min(total, start + limit); i++)
      data.push(overrides.get(`${kind}:${i}`) ?? make(i));
    return { data, meta: { page, limit, totalItems: total, totalPages: Math.ceil(total / limit) } };
  }

  function v2List(
    total: number,
    query: URLSearchParams,
    make: (i: number) => Record<string, unknown> = v2Observation,
    kind = 'v2',
  ) {
    const limit = Number(query.get('limit') ?? '50');
    const cursor = query.get('cursor');
    const start = cursor ? decodeCursor(cursor) : 0;
    const data = [];
    for (let i = start; i < Math.min(total, start + limit); i++)
      data.push(overrides.get(`${kind}:${i}`) ?? make(i));
    const next = start + limit < total ? encodeCursor(start + limit) : undefined;
    return { data, meta: next ? { cursor: next } : {} };
  }

  /** Answers one request; `'drop'` and `'hang'` are for the transport to act out. */
  function handle(url: URL, authorization: string | null): Scripted {
    requests.push({ path: url.pathname, query: url.searchParams, authorization });
    const scripted = script.shift();
    if (scripted !== undefined) return scripted;
    if (url.pathname === '/api/public/health')
      return { status: 200, body: { version: '3.0.0', status: 'OK' } };
    if (authorization !== AUTH)
      return {
        status: 401,
        body: { message: 'Invalid credentials. Confirm that you have entered the correct keys.' },
      };
    const q = url.searchParams;
    switch (url.pathname) {
      case '/api/public/projects':
        return {
          status: 200,
          body: {
            data: [
              {
                id: 'project-1',
                name: 'Cupid',
                organization: { id: 'org-1', name: 'Org' },
                metadata: {},
              },
            ],
          },
        };
      case '/api/public/sessions':
        return { status: 200, body: legacyList(counts.sessions ?? 0, session, q, 'session') };
      case '/api/public/traces':
        return { status: 200, body: legacyList(counts.traces ?? 0, trace, q, 'trace') };
      case '/api/public/observations':
        return {
          status: 200,
          body: legacyList(counts.observations ?? 0, legacyObservation, q, 'obs'),
        };
      case '/api/public/v2/observations':
        return { status: 200, body: v2List(counts.observationsV2 ?? 0, q) };
      case '/api/public/v2/scores':
        return { status: 200, body: legacyList(counts.scores ?? 0, legacyScore, q, 'score') };
      case '/api/public/v3/scores': {
        const body = v2List(counts.scoresV3 ?? 0, q, v3Score, 'scoreV3');
        return {
          status: 200,
          body: { ...body, meta: { limit: Number(q.get('limit') ?? '50'), ...body.meta } },
        };
      }
      default:
        return { status: 404, body: { message: 'Not found' } };
    }
  }

  return {
    requests,
    handle,
    /** Queue scripted answers for the next requests, in order. */
    enqueue(...answers: Scripted[]) {
      script.push(...answers);
    },
    /** Replace the generated row `index` of a list (`v2`, `obs`, `trace`, `session`, `score`, `scoreV3`). */
    override(
      kind: 'v2' | 'obs' | 'trace' | 'session' | 'score' | 'scoreV3',
      index: number,
      row: Record<string, unknown>,
    ) {
      overrides.set(`${kind}:${index}`, row);
    },
  };
}

export type FakeLangfuse = ReturnType<typeof createFakeLangfuse>;
