import type { z } from 'zod';
import { invalidResponseError, type RequestTarget } from './http/failures';
import type { InvalidRecord, InvalidRecordReport } from './types';

/** Where a skipped record is reported besides the page result. */
export interface InvalidRecordSink {
  onInvalidRecord?: ((report: InvalidRecordReport) => void) | undefined;
  logger?: { warn(message: string, context?: Record<string, unknown>): void } | undefined;
}

/** zod issues as one line each, `path: message`. */
export function formatIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length ? issue.path.join('.') : '(root)'}: ${issue.message}`)
    .join('\n');
}

/**
 * Validates a response envelope; a mismatch means the page cannot be trusted at all, so it throws
 * `LANGFUSE_INVALID_RESPONSE`.
 *
 * @example
 * const { data, meta } = parseEnvelope(legacyEnvelopeSchema, body, target);
 */
export function parseEnvelope<S extends z.ZodType>(
  schema: S,
  body: unknown,
  target: RequestTarget,
): z.output<S> {
  const parsed = schema.safeParse(body);
  if (!parsed.success)
    throw invalidResponseError(formatIssues(parsed.error).replace(/\n/g, '; '), target);
  return parsed.data;
}

/**
 * Validates each record on its own: one malformed record is skipped and reported (in the result,
 * to `onInvalidRecord`, as a logger warning) instead of failing the page, and never reaches `data`.
 *
 * @example
 * const { data, invalid } = validateRecords(sessionSchema, page.data, '/api/public/sessions', sink);
 */
export function validateRecords<S extends z.ZodType>(
  schema: S,
  rows: readonly unknown[],
  path: string,
  sink: InvalidRecordSink,
): { data: z.output<S>[]; invalid: InvalidRecord[] } {
  const data: z.output<S>[] = [];
  const invalid: InvalidRecord[] = [];
  rows.forEach((row, index) => {
    const parsed = schema.safeParse(row);
    if (parsed.success) {
      data.push(parsed.data);
      return;
    }
    const id = (row as { id?: unknown } | null)?.id;
    const record: InvalidRecord = { index, issues: formatIssues(parsed.error) };
    if (typeof id === 'string') record.id = id;
    invalid.push(record);
    sink.logger?.warn('Skipped a Langfuse record that failed validation', { path, ...record });
    sink.onInvalidRecord?.({ ...record, path });
  });
  return { data, invalid };
}
