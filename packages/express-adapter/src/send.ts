import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { RouteResult } from '@cupid-dashboard/core';
import type { Response } from 'express';

/**
 * Writes a route result: no body for a 304, cached JSON as it is, a streamed body chunk by chunk
 * with backpressure, anything else serialized. A stream that fails midway (core has logged why)
 * or a client that goes away destroys the response, so the client sees a cut-off download, never
 * a complete-looking one.
 */
export async function send(res: Response, result: RouteResult): Promise<void> {
  res.status(result.status).set(result.headers ?? {});
  if (result.status === 304) res.end();
  else if (result.stream !== undefined) {
    await pipeline(Readable.from(result.stream), res).catch(() => undefined);
  } else if (result.json !== undefined) res.type('application/json').send(result.json);
  else res.json(result.body);
}
