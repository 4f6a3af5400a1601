import type { FaultKind } from './faults/types';

/** One request the simulator answered (or dropped). */
export interface RequestLogEntry {
  method: string;
  /** The path without the query string, e.g. `/api/public/traces`. */
  path: string;
  /** Query parameters; a repeated key gives an array. */
  query: Record<string, string | string[]>;
  /** HTTP status, or 0 for a dropped connection. */
  status: number;
  /** The route's name, e.g. `'GET /api/public/traces/{traceId}'`, or `'unknown'`. */
  endpoint: string;
  /** The injected fault kinds that touched this request, if any. */
  fault?: FaultKind[];
  /** When it arrived, from the simulator's clock (epoch ms). */
  at: number;
}

/** The request log with counts per endpoint. */
export class RequestLog {
  readonly entries: RequestLogEntry[] = [];

  add(entry: RequestLogEntry): void {
    this.entries.push(entry);
  }

  reset(): void {
    this.entries.length = 0;
  }

  /** Requests per endpoint name, e.g. `{ 'GET /api/public/v2/observations': 10 }`. */
  countsByEndpoint(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const entry of this.entries) counts[entry.endpoint] = (counts[entry.endpoint] ?? 0) + 1;
    return counts;
  }
}
