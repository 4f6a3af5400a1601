import type { EndpointContext } from '../endpoints/context';
import { health, projects } from '../endpoints/health';
import { listObservationsV1 } from '../endpoints/observations-v1';
import { listObservationsV2 } from '../endpoints/observations-v2';
import { listScoresLegacy } from '../endpoints/scores-legacy';
import { listScoresV3 } from '../endpoints/scores-v3';
import { listSessions } from '../endpoints/sessions';
import { getTrace } from '../endpoints/trace';
import { listTraces } from '../endpoints/traces';
import type { RateLimitBucket } from './rate-limit';

/** The endpoints the simulator serves, named as the request log counts them. */
export type EndpointName =
  | 'GET /api/public/health'
  | 'GET /api/public/projects'
  | 'GET /api/public/sessions'
  | 'GET /api/public/traces'
  | 'GET /api/public/traces/{traceId}'
  | 'GET /api/public/observations'
  | 'GET /api/public/v2/observations'
  | 'GET /api/public/v2/scores'
  | 'GET /api/public/v3/scores';

/** A matched route: which generation serves it, whether it needs keys and its rate-limit bucket. */
export interface Route {
  name: EndpointName;
  generation: 'legacy' | 'v2' | 'always';
  auth: boolean;
  bucket: RateLimitBucket | null;
  run: (context: EndpointContext) => Response;
}

const PREFIX = '/api/public';

/** Finds the route of a path (query string excluded); undefined for an unknown path. */
export function matchRoute(pathname: string): Route | undefined {
  const path = pathname.replace(/\/+$/, '');
  switch (path) {
    case `${PREFIX}/health`:
      return {
        name: 'GET /api/public/health',
        generation: 'always',
        auth: false,
        bucket: null,
        run: health,
      };
    case `${PREFIX}/projects`:
      return {
        name: 'GET /api/public/projects',
        generation: 'always',
        auth: true,
        bucket: null,
        run: projects,
      };
    case `${PREFIX}/sessions`:
      return {
        name: 'GET /api/public/sessions',
        generation: 'legacy',
        auth: true,
        bucket: 'legacy',
        run: listSessions,
      };
    case `${PREFIX}/traces`:
      return {
        name: 'GET /api/public/traces',
        generation: 'legacy',
        auth: true,
        bucket: 'legacy',
        run: listTraces,
      };
    case `${PREFIX}/observations`:
      return {
        name: 'GET /api/public/observations',
        generation: 'legacy',
        auth: true,
        bucket: 'legacy',
        run: listObservationsV1,
      };
    case `${PREFIX}/v2/observations`:
      return {
        name: 'GET /api/public/v2/observations',
        generation: 'v2',
        auth: true,
        bucket: 'general',
        run: listObservationsV2,
      };
    case `${PREFIX}/v2/scores`:
      return {
        name: 'GET /api/public/v2/scores',
        generation: 'legacy',
        auth: true,
        bucket: 'legacy',
        run: listScoresLegacy,
      };
    case `${PREFIX}/v3/scores`:
      return {
        name: 'GET /api/public/v3/scores',
        generation: 'v2',
        auth: true,
        bucket: 'general',
        run: listScoresV3,
      };
  }
  const trace = /^\/api\/public\/traces\/([^/]+)$/.exec(path);
  if (trace?.[1]) {
    const traceId = decodeURIComponent(trace[1]);
    return {
      name: 'GET /api/public/traces/{traceId}',
      generation: 'legacy',
      auth: true,
      bucket: 'legacy',
      run: (context) => getTrace(context, traceId),
    };
  }
  return undefined;
}
