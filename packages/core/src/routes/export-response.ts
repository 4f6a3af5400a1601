import { z } from 'zod';
import type { ExportRows } from '../analytics/types';
import type { EpochMs } from '../domain/records';
import type { ExportColumn } from '../exports/columns';
import {
  EXPORT_MEDIA_TYPES,
  type ExportFormat,
  encodeRows,
  exportFileName,
} from '../exports/encode';
import type { RouteResult } from './types';

/**
 * A streamed download of export rows: the encoded body, its media type, a `Content-Disposition`
 * naming the file after what it holds and its period, and `X-Data-As-Of` (`asOf`, the last
 * successful sync). Not cached: the rows are read as they are sent.
 */
export function exportResult<T>(
  asOf: EpochMs | null,
  what: string,
  exported: ExportRows<T>,
  columns: readonly ExportColumn<T>[],
  format: ExportFormat,
): RouteResult {
  const fileName = exportFileName(what, exported.period, exported.asOf, format);
  return {
    status: 200,
    body: null,
    headers: {
      'Content-Type': EXPORT_MEDIA_TYPES[format],
      'Content-Disposition': `attachment; filename="${fileName}"`,
      'Cache-Control': 'no-store',
      ...(asOf === null ? {} : { 'X-Data-As-Of': new Date(asOf).toISOString() }),
    },
    stream: encodeRows(exported.rows, columns, format),
  };
}

/** The OpenAPI media types of an export whose JSON Lines rows have the shape `row`. */
export function exportMedia(row: z.ZodType, columns: readonly ExportColumn<never>[]) {
  const header = columns.map((column) => column.header).join(',');
  return {
    200: {
      'text/csv': z
        .string()
        .describe(`RFC 4180, CRLF line ends, a header row (${header}); empty fields are null`),
      'application/x-ndjson': row.describe('One such JSON object per line'),
    },
  };
}
