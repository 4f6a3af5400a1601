import type { ExportColumn } from './columns';
import { csvRecord } from './csv';

/** Export formats: RFC 4180 CSV with a header row, or one JSON object per line. */
export const EXPORT_FORMATS = ['csv', 'jsonl'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The `Content-Type` of each format. */
export const EXPORT_MEDIA_TYPES: Readonly<Record<ExportFormat, string>> = Object.freeze({
  csv: 'text/csv; charset=utf-8; header=present',
  jsonl: 'application/x-ndjson; charset=utf-8',
});

// Rows are gathered into chunks of about this many characters: one write per row would cost a
// syscall each, one write for everything would hold the whole export in memory.
const CHUNK_CHARS = 64 * 1024;

/**
 * Encodes rows as they arrive, in chunks of about 64 KiB: CSV with the columns' header row first
 * (also for no rows), or JSON Lines of the rows as they are.
 *
 * @example
 * for await (const chunk of encodeRows(rows, SESSION_EXPORT_COLUMNS, 'csv')) res.write(chunk);
 */
export async function* encodeRows<T>(
  rows: AsyncIterable<T>,
  columns: readonly ExportColumn<T>[],
  format: ExportFormat,
): AsyncGenerator<string> {
  let chunk = format === 'csv' ? csvRecord(columns.map((column) => column.header)) : '';
  for await (const row of rows) {
    chunk +=
      format === 'csv'
        ? csvRecord(columns.map((column) => column.value(row)))
        : `${JSON.stringify(row)}\n`;
    if (chunk.length >= CHUNK_CHARS) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk !== '') yield chunk;
}

/**
 * The download's file name: what it holds and the period, e.g.
 * `sessions_2026-11-13T120000Z_2026-11-20T120000Z.csv`; an open start is `all`, an open end the
 * time of the export.
 *
 * @example
 * exportFileName('agents', { from: null, to: null }, '2026-11-20T12:00:00.000Z', 'jsonl');
 * // 'agents_all_2026-11-20T120000Z.jsonl'
 */
export function exportFileName(
  what: string,
  period: { from: string | null; to: string | null },
  asOf: string,
  format: ExportFormat,
): string {
  const compact = (iso: string) => iso.replace(/\.\d+Z$/, 'Z').replaceAll(':', '');
  const from = period.from === null ? 'all' : compact(period.from);
  return `${what}_${from}_${compact(period.to ?? asOf)}.${format}`;
}
