import { z } from 'zod';
import type { ObservationPosition } from '../data/order';

const cursorSchema = z.object({
  lastStartTimeTo: z.iso.datetime({ offset: true }),
  lastTraceId: z.string().nullable(),
  lastId: z.string(),
});

/**
 * Encodes the position of the last row of a page as Langfuse's v2 cursor: base64 JSON
 * `{lastStartTimeTo, lastTraceId, lastId}`. It holds only the position, never the filters.
 *
 * @example
 * encodeCursor({ startTime: 0, traceId: 't', id: 'o' });
 * // base64 of {"lastStartTimeTo":"1970-01-01T00:00:00.000Z","lastTraceId":"t","lastId":"o"}
 */
export function encodeCursor(position: ObservationPosition): string {
  const body = {
    lastStartTimeTo: new Date(position.startTime).toISOString(),
    lastTraceId: position.traceId,
    lastId: position.id,
  };
  return Buffer.from(JSON.stringify(body), 'utf8').toString('base64');
}

/** Decodes a cursor; null when it is not one this server issued. */
export function decodeCursor(cursor: string): ObservationPosition | null {
  try {
    const parsed = cursorSchema.safeParse(
      JSON.parse(Buffer.from(cursor, 'base64').toString('utf8')),
    );
    if (!parsed.success) return null;
    return {
      startTime: Date.parse(parsed.data.lastStartTimeTo),
      traceId: parsed.data.lastTraceId,
      id: parsed.data.lastId,
    };
  } catch {
    return null;
  }
}
