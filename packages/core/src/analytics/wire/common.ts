import { z } from 'zod';

/**
 * Wire conventions shared by every analytics response: keys are snake_case; times are ISO-8601
 * UTC strings; durations and latencies are milliseconds (`_ms`); every field whose name ends in
 * `cost` is US dollars.
 */

/** An instant on the wire: ISO-8601 UTC, e.g. `2026-11-20T12:00:00.000Z`. */
export const isoTime = z.iso.datetime().describe('ISO-8601 UTC time');

/** Milliseconds, or null when nothing in scope has a value. */
export const nullableMs = z.number().nullable();

/** Token counts. `total` is the usage's own total where it had one, else input + output. */
export const tokensWire = z
  .object({
    input: z.number().describe('Input tokens'),
    output: z.number().describe('Output tokens'),
    total: z.number().describe('Total tokens'),
  })
  .describe('Token counts');

/** Sessions that reached a chapter (or a later one). */
export const funnelStepWire = z.object({
  chapter: z.number().int(),
  name: z.string().describe('Chapter name from the preset'),
  sessions: z.number().int(),
  rate: z.number().describe('sessions / sessions in scope, 0 to 1'),
});

/** Usage of one model. */
export const modelUsageWire = z.object({
  model: z.string(),
  calls: z.number().int(),
  total_cost: z.number().describe('USD'),
  tokens: tokensWire,
});

/** The window a response covers. Null bounds are open. */
export const periodWire = z.object({
  from: isoTime.nullable().describe('Inclusive lower bound; null for no bound'),
  to: isoTime.nullable().describe('Exclusive upper bound; null for no bound'),
});

/** The named range asked for, or `custom` when `from`/`to` were given. */
export const timeRangeWire = z.enum(['24h', '7d', '30d', 'all', 'custom']);

export type TokensWire = z.infer<typeof tokensWire>;
export type FunnelStepWire = z.infer<typeof funnelStepWire>;
export type ModelUsageWire = z.infer<typeof modelUsageWire>;
export type PeriodWire = z.infer<typeof periodWire>;
export type TimeRangeWire = z.infer<typeof timeRangeWire>;
