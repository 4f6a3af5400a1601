import type { CreateTableBuilder } from 'kysely';
import type { ColumnTypes } from './column-types';

/**
 * Adds a trace's identity columns after its id: its time, its session and user, and the
 * `updated_at` the version rule compares.
 */
export function addTraceKeyColumns<T extends string, C extends string>(
  table: CreateTableBuilder<T, C>,
  types: ColumnTypes,
) {
  return table
    .addColumn('timestamp', types.time, (c) => c.notNull())
    .addColumn('session_id', types.key)
    .addColumn('user_id', types.key)
    .addColumn('updated_at', types.time);
}

/**
 * Adds the columns of a session's aggregate after its id: every `SessionRow` figure but the
 * status, which is judged at query time.
 */
export function addSessionAggColumns<T extends string, C extends string>(
  table: CreateTableBuilder<T, C>,
  types: ColumnTypes,
) {
  return table
    .addColumn('user_id', types.key)
    .addColumn('started_at', types.time, (c) => c.notNull())
    .addColumn('last_activity_at', types.time, (c) => c.notNull())
    .addColumn('duration_ms', types.time, (c) => c.notNull())
    .addColumn('trace_count', types.int, (c) => c.notNull())
    .addColumn('generation_count', types.int, (c) => c.notNull())
    .addColumn('observation_count', types.int, (c) => c.notNull())
    .addColumn('chapter_reached', types.int)
    .addColumn('cost', types.real, (c) => c.notNull())
    .addColumn('tokens_input', types.real, (c) => c.notNull())
    .addColumn('tokens_output', types.real, (c) => c.notNull())
    .addColumn('tokens_total', types.real, (c) => c.notNull())
    .addColumn('error_count', types.int, (c) => c.notNull());
}
