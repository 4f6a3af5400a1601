import { z } from 'zod';
import type { ObservationPosition, ScorePosition } from '../data/order';

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

const scoreCursorSchema = z.object({
  lastTimestamp: z.iso.datetime({ offset: true }),
  lastId: z.string(),
});

/**
 * Encodes the position of the last score of a page as a v3 scores cursor: URL-safe base64 JSON
 * `{lastTimestamp, lastId}`, a position only, like the observations cursor.
 *
 * @example
 * encodeScoreCursor({ timestamp: 0, id: 's' }); // base64url of {"lastTimestamp":"1970-…","lastId":"s"}
 */
export function encodeScoreCursor(position: ScorePosition): string {
  const body = { lastTimestamp: new Date(position.timestamp).toISOString(), lastId: position.id };
  return Buffer.from(JSON.stringify(body), 'utf8').toString('base64url');
}

/** Decodes a v3 scores cursor; null when it is not one this server issued. */
export function decodeScoreCursor(cursor: string): ScorePosition | null {
  try {
    const parsed = scoreCursorSchema.safeParse(
      JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')),
    );
    if (!parsed.success) return null;
    return { timestamp: Date.parse(parsed.data.lastTimestamp), id: parsed.data.lastId };
  } catch {
    return null;
  }
}
