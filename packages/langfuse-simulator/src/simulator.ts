import type { ObservationRecord, ScoreRecord } from '@cupid-dashboard/core';
import type { RequestHandler } from 'msw';
import { type PublishInput, SimulatorStore } from './data/store';
import { FaultController } from './faults/controller';
import { createHandler } from './handler';
import { RateLimiter } from './http/rate-limit';
import { resolveOptions, type SimulatorOptions } from './options';
import { RequestLog, type RequestLogEntry } from './request-log';
import { createInProcessFetch, type FetchFunction } from './transports/fetch';
import { createMswHandlers } from './transports/msw';
import { type ListenOptions, listenNode, type RunningServer } from './transports/node-server';
import { buildTruth, type Truth } from './truth';

/** A running Langfuse stand-in; see {@link createLangfuseSimulator}. */
export interface LangfuseSimulator {
  /** The origin the msw handlers and `fetch` answer for. */
  readonly baseUrl: string;
  readonly publicKey: string;
  readonly secretKey: string;
  readonly projectId: string;
  /** The core handler every transport drives. */
  handle(request: Request): Promise<Response>;
  /** msw handlers for `${baseUrl}/api/public/*`. */
  readonly handlers: RequestHandler[];
  /** An in-process fetch, e.g. the client's injected `fetch`. */
  readonly fetch: FetchFunction;
  /** Serves over real HTTP (node:http). */
  listen(options?: ListenOptions): Promise<RunningServer>;
  /** Upserts records by id: the version published last replaces the earlier one. */
  publish(records: PublishInput): void;
  /**
   * Publishes the dataset's `lateUpdates` and `lateScores` (late and overwritten scores); returns
   * how many observations changed.
   */
  applyLateUpdates(): number;
  /** The records as currently served, with counts and a checksum. */
  truth(): Truth;
  /** Fault injection; see `FaultSpec`. */
  readonly faults: {
    inject: FaultController['inject'];
    clear: FaultController['clear'];
    active: FaultController['active'];
  };
  /** Ids of the records served broken by `malformed` faults (until `faults.clear()`). */
  readonly malformedIds: ReadonlySet<string>;
  /** Every request answered, oldest first. */
  readonly requests: readonly RequestLogEntry[];
  resetRequests(): void;
  /** Requests per endpoint name, e.g. `{ 'GET /api/public/traces': 3 }`. */
  requestCounts(): Record<string, number>;
}

/**
 * Creates a local stand-in for the Langfuse public API serving `options.dataset`: the legacy
 * page endpoints and the v2 cursor observations, both scores endpoints (v3 cursor, legacy v2
 * pages), with Basic auth, Cloud-like rate limits,
 * injectable faults and a request log. Three transports share one handler: msw handlers, an
 * in-process fetch, and a real HTTP server.
 *
 * @example
 * const sim = createLangfuseSimulator({ dataset: generateCupidDataset({ seed: 1 }) });
 * const server = await sim.listen();           // http://127.0.0.1:<port>
 * const res = await fetch(`${server.url}/api/public/v2/observations?limit=10`, {
 *   headers: { authorization: `Basic ${btoa(`${sim.publicKey}:${sim.secretKey}`)}` },
 * });
 * await server.close();
 */
export function createLangfuseSimulator(options: SimulatorOptions = {}): LangfuseSimulator {
  const resolved = resolveOptions(options);
  const store = new SimulatorStore();
  const dataset = options.dataset ?? {};
  store.publish(dataset);
  const lateUpdates: readonly ObservationRecord[] = dataset.lateUpdates ?? [];
  const lateScores: readonly ScoreRecord[] = dataset.lateScores ?? [];
  const faults = new FaultController();
  for (const fault of options.faults ?? []) faults.inject(fault);
  const limiter = new RateLimiter({
    general: resolved.rateLimit.requestsPerMinute,
    legacy: resolved.rateLimit.legacyRequestsPerMinute,
  });
  const log = new RequestLog();
  const handle = createHandler({ options: resolved, store, faults, limiter, log });

  return {
    baseUrl: resolved.baseUrl,
    publicKey: resolved.publicKey,
    secretKey: resolved.secretKey,
    projectId: resolved.projectId,
    handle,
    handlers: createMswHandlers(resolved.baseUrl, handle),
    fetch: createInProcessFetch(handle),
    listen: (listenOptions) => listenNode(handle, listenOptions),
    publish: (records) => store.publish(records),
    applyLateUpdates: () => {
      store.publish({ observations: lateUpdates, scores: lateScores });
      return lateUpdates.length;
    },
    truth: () =>
      buildTruth({
        sessions: store.sessions(),
        traces: store.traces(),
        observations: store.observations(),
        scores: store.scores(),
      }),
    faults: {
      inject: (spec) => faults.inject(spec),
      clear: () => faults.clear(),
      active: () => faults.active(),
    },
    get malformedIds() {
      return faults.malformedIds;
    },
    requests: log.entries,
    resetRequests: () => log.reset(),
    requestCounts: () => log.countsByEndpoint(),
  };
}
