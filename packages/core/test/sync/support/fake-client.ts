/**
 * An in-memory `LangfuseClient` for the sync unit tests (core cannot import the simulator). It
 * serves records with Langfuse's ordering (newest first), from-inclusive/to-exclusive time
 * filters, a positional v2 cursor, legacy page totals, both scores endpoints, 404s for a missing generation, scripted
 * failures per request number, malformed records and a hook before every request.
 */
import type {
  LangfuseClient,
  LangfuseObservation,
  LangfuseObservationV2,
  LangfuseScore,
  LangfuseScoreV3,
  LangfuseSession,
  LangfuseTrace,
  ObservationRecord,
  ScoreRecord,
  SessionRecord,
  TraceRecord,
} from '../../../src/index';
import { LangfuseError } from '../../../src/index';
import { paginateCursor, paginateLegacy } from '../../../src/langfuse/paginate';
import type { CursorPage, LegacyPage } from '../../../src/langfuse/types';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const time = (value: unknown): number | undefined =>
  value === undefined ? undefined : new Date(value as string | Date).getTime();

export interface FakeRequest {
  endpoint: 'sessions' | 'traces' | 'observations' | 'v2' | 'scores' | 'scoresV3';
  params: Record<string, unknown>;
}

export interface FakeClientOptions {
  sessions?: SessionRecord[];
  traces?: TraceRecord[];
  observations?: ObservationRecord[];
  scores?: ScoreRecord[];
  /**
   * Generations served; the other answers 404. Default both. v2 serves v2 observations and v3
   * scores, legacy the legacy endpoints and v2 scores; `scoresV3: false` alone answers 404 to v3
   * scores.
   */
  generations?: { v2?: boolean; legacy?: boolean; scoresV3?: boolean };
}

export class FakeLangfuse {
  sessions = new Map<string, SessionRecord>();
  traces = new Map<string, TraceRecord>();
  observations = new Map<string, ObservationRecord>();
  scores = new Map<string, ScoreRecord>();
  readonly requests: FakeRequest[] = [];
  /** Request number (from 1) → error thrown instead of answering. */
  readonly failures = new Map<number, Error>();
  /** Records served as malformed (in `invalid`, not `data`). */
  readonly malformed = new Set<string>();
  /** Awaited before every request is answered (after it is counted). */
  beforeAnswer:
    | ((request: FakeRequest, n: number, signal?: AbortSignal) => Promise<void> | void)
    | null = null;
  generations: { v2: boolean; legacy: boolean; scoresV3: boolean };
  readonly client: LangfuseClient;

  constructor(options: FakeClientOptions = {}) {
    this.publish(options);
    this.generations = { v2: true, legacy: true, scoresV3: true, ...options.generations };
    this.client = this.createClient();
  }

  publish(records: Omit<FakeClientOptions, 'generations'>): void {
    for (const s of records.sessions ?? []) this.sessions.set(s.id, s);
    for (const t of records.traces ?? []) this.traces.set(t.id, t);
    for (const o of records.observations ?? []) this.observations.set(o.id, o);
    for (const score of records.scores ?? []) this.scores.set(score.id, score);
  }

  private async answer(request: FakeRequest, signal?: AbortSignal): Promise<number> {
    this.requests.push(request);
    const n = this.requests.length;
    await this.beforeAnswer?.(request, n, signal);
    if (signal?.aborted) throw new LangfuseError('LANGFUSE_ABORTED', 'aborted');
    const failure = this.failures.get(n);
    if (failure) throw failure;
    const served =
      request.endpoint === 'v2'
        ? this.generations.v2
        : request.endpoint === 'scoresV3'
          ? this.generations.v2 && this.generations.scoresV3
          : this.generations.legacy;
    if (!served) throw new LangfuseError('LANGFUSE_NOT_FOUND', 'Not found', { status: 404 });
    return n;
  }

  private v2Row(o: ObservationRecord): LangfuseObservationV2 {
    const trace = o.traceId === null ? undefined : this.traces.get(o.traceId);
    return {
      id: o.id,
      traceId: o.traceId,
      startTime: iso(o.startTime) as string,
      endTime: iso(o.endTime),
      parentObservationId: o.parentObservationId,
      type: o.type,
      name: o.name,
      level: o.level,
      statusMessage: o.statusMessage,
      environment: o.environment,
      userId: o.userId ?? trace?.userId ?? null,
      sessionId: o.sessionId ?? trace?.sessionId ?? null,
      isRootObservation: o.parentObservationId === null,
      completionStartTime: iso(o.completionStartTime),
      updatedAt: iso(o.updatedAt),
      input: o.input,
      output: o.output,
      metadata: o.metadata,
      providedModelName: o.model,
      usageDetails: o.usageDetails,
      costDetails: o.costDetails,
      totalCost: o.totalCost,
      traceName: trace?.name ?? null,
      tags: trace?.tags ?? [],
      release: trace?.release ?? null,
    };
  }

  private legacyObservation(o: ObservationRecord): LangfuseObservation {
    return {
      id: o.id,
      traceId: o.traceId,
      type: o.type,
      name: o.name,
      startTime: iso(o.startTime) as string,
      endTime: iso(o.endTime),
      completionStartTime: iso(o.completionStartTime),
      model: o.model,
      input: o.input,
      output: o.output,
      metadata: o.metadata,
      level: o.level,
      statusMessage: o.statusMessage,
      parentObservationId: o.parentObservationId,
      usageDetails: o.usageDetails,
      costDetails: o.costDetails,
      environment: o.environment,
    };
  }

  private v3Score(score: ScoreRecord): LangfuseScoreV3 {
    const subject =
      score.observationId !== null
        ? { kind: 'observation', id: score.observationId, traceId: score.traceId }
        : score.traceId !== null
          ? { kind: 'trace', id: score.traceId }
          : { kind: 'session', id: score.sessionId };
    return {
      id: score.id,
      name: score.name,
      dataType: score.dataType,
      value:
        score.dataType === 'NUMERIC'
          ? score.value
          : score.dataType === 'BOOLEAN'
            ? score.value === 1
            : score.stringValue,
      source: score.source,
      timestamp: iso(score.timestamp),
      environment: score.environment,
      updatedAt: iso(score.updatedAt),
      comment: score.comment,
      configId: score.configId,
      subject,
    } as LangfuseScoreV3;
  }

  private legacyScore(score: ScoreRecord): LangfuseScore {
    return {
      id: score.id,
      name: score.name,
      dataType: score.dataType,
      value: score.value ?? 0,
      stringValue: score.stringValue,
      source: score.source,
      timestamp: iso(score.timestamp),
      environment: score.environment,
      updatedAt: iso(score.updatedAt),
      comment: score.comment,
      configId: score.configId,
      traceId: score.traceId,
      observationId: score.observationId,
      sessionId: score.sessionId,
    } as LangfuseScore;
  }

  private split<T extends { id: string }>(rows: T[]) {
    return {
      data: rows.filter((r) => !this.malformed.has(r.id)),
      invalid: rows.flatMap((r, index) =>
        this.malformed.has(r.id) ? [{ index, id: r.id, issues: 'startTime: invalid' }] : [],
      ),
    };
  }

  private legacyPage<T extends { id: string }>(
    all: T[],
    params: Record<string, unknown>,
  ): LegacyPage<T> {
    const page = (params.page as number | undefined) ?? 1;
    const limit = (params.limit as number | undefined) ?? 50;
    const rows = all.slice((page - 1) * limit, page * limit);
    return {
      ...this.split(rows),
      meta: { page, limit, totalItems: all.length, totalPages: Math.ceil(all.length / limit) },
    };
  }

  private createClient(): LangfuseClient {
    const fake = this;
    const inRange = (t: number, from: unknown, to: unknown) =>
      (from === undefined || t >= (time(from) as number)) &&
      (to === undefined || t < (time(to) as number));
    const v2 = async (params: Record<string, unknown> = {}, signal?: AbortSignal) => {
      await fake.answer({ endpoint: 'v2', params }, signal);
      const sorted = [...fake.observations.values()]
        .filter((o) => inRange(o.startTime, params.fromStartTime, params.toStartTime))
        .sort((a, b) => b.startTime - a.startTime || cmp(b.traceId, a.traceId) || cmp(b.id, a.id));
      const after = params.cursor ? (JSON.parse(params.cursor as string) as string) : null;
      const start = after === null ? 0 : sorted.findIndex((o) => o.id === after) + 1;
      const limit = (params.limit as number | undefined) ?? 50;
      const rows = sorted.slice(start, start + limit);
      const more = start + limit < sorted.length;
      const last = rows[rows.length - 1];
      const page: CursorPage<LangfuseObservationV2> = {
        ...fake.split(rows.map((o) => fake.v2Row(o))),
        cursor: more && last ? JSON.stringify(last.id) : null,
      };
      return page;
    };
    const sessions = async (params: Record<string, unknown> = {}, signal?: AbortSignal) => {
      await fake.answer({ endpoint: 'sessions', params }, signal);
      const all = [...fake.sessions.values()]
        .filter((s) => inRange(s.createdAt, params.fromTimestamp, params.toTimestamp))
        .sort((a, b) => b.createdAt - a.createdAt || cmp(b.id, a.id))
        .map(
          (s): LangfuseSession => ({
            id: s.id,
            createdAt: iso(s.createdAt) as string,
            environment: s.environment,
          }),
        );
      return fake.legacyPage(all, params);
    };
    const traces = async (params: Record<string, unknown> = {}, signal?: AbortSignal) => {
      await fake.answer({ endpoint: 'traces', params }, signal);
      const all = [...fake.traces.values()]
        .filter((t) => inRange(t.timestamp, params.fromTimestamp, params.toTimestamp))
        .sort((a, b) => b.timestamp - a.timestamp || cmp(b.id, a.id))
        .map(
          (t): LangfuseTrace => ({
            id: t.id,
            timestamp: iso(t.timestamp) as string,
            name: t.name,
            sessionId: t.sessionId,
            userId: t.userId,
            tags: t.tags,
            release: t.release,
            version: t.version,
            environment: t.environment,
            input: t.input,
            output: t.output,
            metadata: t.metadata,
          }),
        );
      return fake.legacyPage(all, params);
    };
    const observations = async (params: Record<string, unknown> = {}, signal?: AbortSignal) => {
      await fake.answer({ endpoint: 'observations', params }, signal);
      const all = [...fake.observations.values()]
        .filter((o) => inRange(o.startTime, params.fromStartTime, params.toStartTime))
        .sort((a, b) => b.startTime - a.startTime || cmp(b.id, a.id))
        .map((o) => fake.legacyObservation(o));
      return fake.legacyPage(all, params);
    };
    const sortedScores = (params: Record<string, unknown>) =>
      [...fake.scores.values()]
        .filter((score) => inRange(score.timestamp, params.fromTimestamp, params.toTimestamp))
        .sort((a, b) => b.timestamp - a.timestamp || cmp(b.id, a.id));
    const scoresV3 = async (params: Record<string, unknown> = {}, signal?: AbortSignal) => {
      await fake.answer({ endpoint: 'scoresV3', params }, signal);
      const sorted = sortedScores(params);
      const after = params.cursor ? (JSON.parse(params.cursor as string) as string) : null;
      const start = after === null ? 0 : sorted.findIndex((score) => score.id === after) + 1;
      const limit = (params.limit as number | undefined) ?? 50;
      const rows = sorted.slice(start, start + limit);
      const last = rows[rows.length - 1];
      const page: CursorPage<LangfuseScoreV3> = {
        ...fake.split(rows.map((score) => fake.v3Score(score))),
        cursor: start + limit < sorted.length && last ? JSON.stringify(last.id) : null,
      };
      return page;
    };
    const scores = async (params: Record<string, unknown> = {}, signal?: AbortSignal) => {
      await fake.answer({ endpoint: 'scores', params }, signal);
      const all = sortedScores(params).map((score) => fake.legacyScore(score));
      return fake.legacyPage(all, params);
    };
    const stats = { requests: 0, retries: 0, rateLimited: 0, failures: 0 };
    const notImplemented = () => Promise.reject(new Error('not used by the sync'));
    return {
      get stats() {
        return { ...stats, requests: fake.requests.length };
      },
      getSessions: (p, o) => sessions({ ...p }, o?.signal),
      getTraces: (p, o) => traces({ ...p }, o?.signal),
      getObservations: (p, o) => observations({ ...p }, o?.signal),
      getObservationsV2: (p, o) => v2({ ...p }, o?.signal),
      getTrace: notImplemented,
      getScores: (p, o) => scores({ ...p }, o?.signal),
      getScoresV3: (p, o) => scoresV3({ ...p }, o?.signal),
      paginateScores: legacyPages(scores, '/v2/scores'),
      paginateScoresV3: cursorPages(scoresV3, '/v3/scores', 100),
      checkConnection: notImplemented,
      health: notImplemented,
      paginateSessions: legacyPages(sessions, '/sessions'),
      paginateTraces: legacyPages(traces, '/traces'),
      paginateObservations: legacyPages(observations, '/observations'),
      paginateObservationsV2: cursorPages(v2, '/v2/observations', 1000),
    };
  }
}

type PageParams = Record<string, unknown>;

/** A client's `paginate*` over a fake legacy page endpoint: pages of 100 from `p.page` (1). */
function legacyPages<T>(
  fetchPage: (params: PageParams, signal?: AbortSignal) => Promise<LegacyPage<T>>,
  path: string,
) {
  return (p: PageParams & { page?: number } = {}, o?: { signal?: AbortSignal }) =>
    paginateLegacy((page) => fetchPage({ limit: 100, ...p, page }, o?.signal), p.page ?? 1, path);
}

/** A client's `paginate*` over a fake cursor endpoint, from `p.cursor`. */
function cursorPages<T>(
  fetchPage: (params: PageParams, signal?: AbortSignal) => Promise<CursorPage<T>>,
  path: string,
  limit: number,
) {
  return (p: PageParams & { cursor?: string } = {}, o?: { signal?: AbortSignal }) =>
    paginateCursor(
      (cursor) => fetchPage({ limit, ...p, ...(cursor ? { cursor } : {}) }, o?.signal),
      p.cursor,
      path,
    );
}

function cmp(a: string | null, b: string | null): number {
  const x = a ?? '';
  const y = b ?? '';
  return x < y ? -1 : x > y ? 1 : 0;
}
