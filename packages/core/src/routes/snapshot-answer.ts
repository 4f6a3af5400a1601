import type { CachedAnswer } from '../cache/answer-cache';
import { answerClock, answerKey, entityTag, notModified } from '../cache/answer-key';
import type { DataSnapshot } from '../store/data-version';
import type { AnyDashboardRoute, RouteEnvironment, RouteInput, RouteResult } from './types';

/** A request's validated parts. */
export interface ValidatedInput {
  params: unknown;
  query: unknown;
  body: unknown;
}

/** Browsers and proxies must revalidate (with `If-None-Match`) before reusing an answer. */
const REVALIDATE = 'private, no-cache';

/**
 * Answers a `dataAsOf` route from one snapshot of the store. Without a cache: the handler's
 * answer plus `X-Data-As-Of`. With the dashboard's cache: the data version is read first (one
 * cheap read) and the answer looked up by route, normalised query, the minute and that version;
 * a matching `If-None-Match` answers 304, a hit answers from memory, a miss computes the answer
 * once however many requests wait for it, and stores it under the version it was read at.
 */
export async function answerFromSnapshot(
  route: AnyDashboardRoute,
  input: ValidatedInput,
  request: RouteInput,
  environment: RouteEnvironment,
): Promise<RouteResult> {
  const { dashboard } = environment;
  const read = (now?: number) =>
    dashboard.analytics.snapshot(
      (analytics) =>
        route.handler({ ...environment, ...input, headers: request.headers ?? {}, analytics }),
      now === undefined ? {} : { now },
    );
  const cache = dashboard.cache;
  if (cache === null) {
    const snapshot = await read();
    return { ...snapshot.value, headers: { ...snapshot.value.headers, ...asOfHeader(snapshot) } };
  }

  const at = answerClock(dashboard.now());
  const keyAt = (version: string) =>
    answerKey(route.operationId, input.params, input.query, at, version);
  const ifNoneMatch = headerOf(request, 'if-none-match');
  const key = keyAt(await dashboard.analytics.getDataVersion());
  const tag = entityTag(key);
  const cached = cache.get(key);
  if (notModified(ifNoneMatch, tag)) return notModifiedResult(tag, cached);
  if (cached !== undefined) return resultOf(cached);

  const answer = await cache.shared(key, async () => {
    const snapshot = await read(at);
    // A write may have committed since the version was read: the snapshot's own version names
    // what this answer shows.
    const readKey = keyAt(snapshot.version);
    const result = snapshot.value;
    const computed: CachedAnswer = {
      status: result.status,
      headers: {
        ...result.headers,
        ...asOfHeader(snapshot),
        ETag: entityTag(readKey),
        'Cache-Control': REVALIDATE,
      },
      json: JSON.stringify(result.body),
    };
    if (result.status >= 200 && result.status < 300) cache.set(readKey, computed);
    return computed;
  });
  const answerTag = answer.headers.ETag;
  if (answerTag !== undefined && notModified(ifNoneMatch, answerTag)) {
    return notModifiedResult(answerTag, answer);
  }
  return resultOf(answer);
}

function asOfHeader(snapshot: DataSnapshot<unknown>): Record<string, string> {
  return snapshot.lastSuccessAt === null
    ? {}
    : { 'X-Data-As-Of': new Date(snapshot.lastSuccessAt).toISOString() };
}

function headerOf(request: RouteInput, name: string): string | undefined {
  const value = request.headers?.[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

/** 304: no body; the tag, and the freshness when the answer is at hand. */
function notModifiedResult(tag: string, answer: CachedAnswer | undefined): RouteResult {
  const asOf = answer?.headers['X-Data-As-Of'];
  return {
    status: 304,
    body: undefined,
    headers: {
      ETag: tag,
      'Cache-Control': REVALIDATE,
      ...(asOf === undefined ? {} : { 'X-Data-As-Of': asOf }),
    },
  };
}

/** A cached answer as a route result: `json` for adapters, `body` parsed only when read. */
function resultOf(answer: CachedAnswer): RouteResult {
  let body: unknown;
  let parsed = false;
  return {
    status: answer.status,
    headers: { ...answer.headers },
    json: answer.json,
    get body() {
      if (!parsed) {
        body = JSON.parse(answer.json);
        parsed = true;
      }
      return body;
    },
  };
}
