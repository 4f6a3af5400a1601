import { z } from 'zod';
import { isoTime } from './common';
import { syncProgressWire, syncStatusWire } from './sync';

/** `ready`: the first event of every connection, the state the stream continues from. */
export const readyEventWire = z.object({
  resumed: z
    .boolean()
    .describe('True when Last-Event-ID was known: the missed events follow. False: refetch'),
  data_version: z.string().describe('Opaque; compare for equality with later `data` events'),
  sync: syncStatusWire,
  heartbeat_ms: z.number().int().describe('Milliseconds between `heartbeat` events'),
});

/** `data`: a committed write changed the data version, so answers may have changed. */
export const dataEventWire = z.object({
  data_version: z.string(),
  time: isoTime,
});

/** `heartbeat`: sent every `heartbeat_ms` so proxies keep the connection and clients see it live. */
export const heartbeatEventWire = z.object({ time: isoTime });

/** `closing`: the server is shutting down; the stream ends after it. */
export const closingEventWire = z.object({ reason: z.enum(['shutdown']) });

/** The events of `GET /api/events` and their payloads (the `data:` line, JSON). */
export const liveEventWires = {
  ready: readyEventWire,
  sync: syncStatusWire,
  progress: syncProgressWire,
  data: dataEventWire,
  heartbeat: heartbeatEventWire,
  closing: closingEventWire,
} as const;

export type ReadyEventWire = z.infer<typeof readyEventWire>;
export type DataEventWire = z.infer<typeof dataEventWire>;
