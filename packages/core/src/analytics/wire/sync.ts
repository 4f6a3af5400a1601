import { z } from 'zod';
import { isoTime } from './common';

const syncStatusEnum = z.enum(['idle', 'running', 'success', 'error', 'rate_limited']);
const countsWire = z.object({
  sessions: z.number().int(),
  traces: z.number().int(),
  observations: z.number().int(),
});
const errorInfoWire = z.object({ code: z.string(), message: z.string() });

/** A running sync's progress: the status's `progress` and the live `progress` event. */
export const syncProgressWire = z.object({
  phase: z.string(),
  pages: z.number().int(),
  records: z.number().int(),
  updated_at: isoTime,
});

/** `GET /api/sync/status`. Never contains a key or the resume checkpoint. */
export const syncStatusWire = z.object({
  configured: z.boolean().describe('False when the dashboard has no sync service'),
  status: syncStatusEnum,
  running: z.boolean(),
  api_mode: z.enum(['v2', 'legacy']).nullable(),
  watermark: isoTime.nullable().describe('Everything that started before this is synced'),
  last_success_at: isoTime.nullable(),
  last_run: z
    .object({
      started_at: isoTime,
      finished_at: isoTime.nullable(),
      status: syncStatusEnum,
      counts: countsWire,
      requests: z.number().int(),
      duration_ms: z.number().nullable(),
      error: errorInfoWire.nullable(),
    })
    .nullable(),
  progress: syncProgressWire.nullable(),
});

/** `POST /api/sync/trigger` (202). */
export const syncTriggerWire = z.object({
  started: z.boolean().describe('False when a run was already in progress and this joined it'),
  status: z.enum(['started', 'joined']),
  detail: z.string(),
});

/** `GET /health`. */
export const healthWire = z.object({
  status: z.enum(['ok', 'unavailable']),
  time: isoTime,
  database: z.object({
    status: z.enum(['ok', 'unavailable']),
    engine: z
      .string()
      .nullable()
      .describe('e.g. sqlite or postgresql; null when the store names none'),
  }),
  sync: z.object({
    configured: z.boolean(),
    status: syncStatusEnum.nullable().describe('Null when the store cannot be read'),
    running: z.boolean(),
    last_success_at: isoTime.nullable(),
  }),
});

export type SyncStatusWire = z.infer<typeof syncStatusWire>;
export type SyncTriggerWire = z.infer<typeof syncTriggerWire>;
export type HealthWire = z.infer<typeof healthWire>;
