import type { AgentSummaryWire } from '../analytics/wire/agents';
import type { SessionRowWire } from '../analytics/wire/sessions';
import type { CsvValue } from './csv';

/** One CSV column: its header and how a row fills it. */
export interface ExportColumn<T> {
  header: string;
  value(row: T): CsvValue;
}

/** Every scalar field of a wire row, in order, with nested token counts flattened. */
function columnsOf<T extends { tokens: { input: number; output: number; total: number } }>(
  fields: readonly Exclude<keyof T & string, 'tokens'>[],
): ExportColumn<T>[] {
  return [
    ...fields.map((field) => ({ header: field, value: (row: T) => row[field] as CsvValue })),
    { header: 'tokens_input', value: (row: T) => row.tokens.input },
    { header: 'tokens_output', value: (row: T) => row.tokens.output },
    { header: 'tokens_total', value: (row: T) => row.tokens.total },
  ];
}

/** The session export's columns: the list row's fields, `tokens` as three columns. */
export const SESSION_EXPORT_COLUMNS: readonly ExportColumn<SessionRowWire>[] =
  columnsOf<SessionRowWire>([
    'id',
    'user_id',
    'started_at',
    'last_activity',
    'duration_ms',
    'trace_count',
    'generation_count',
    'observation_count',
    'chapter_reached',
    'chapter_name',
    'status',
    'total_cost',
    'error_count',
  ]);

/** The agent export's columns: the list row's fields, `tokens` as three columns. */
export const AGENT_EXPORT_COLUMNS: readonly ExportColumn<AgentSummaryWire>[] =
  columnsOf<AgentSummaryWire>([
    'name',
    'category',
    'chapter',
    'chapter_name',
    'calls',
    'sessions',
    'errors',
    'error_rate',
    'avg_latency_ms',
    'p50_latency_ms',
    'p95_latency_ms',
    'p99_latency_ms',
    'total_cost',
    'last_seen',
  ]);
