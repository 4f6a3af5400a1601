import { sql } from 'kysely';
import { bulkInsert } from '../db/bulk-insert';
import { ROLLUP_KEY, ROLLUP_TOTAL_COLUMNS, SESSION_ROW_COLUMNS } from '../db/columns';
import type {
  AgentFirstTable,
  ObservationTable,
  RollupTable,
  SessionAggTable,
  TraceAggTable,
  TraceTable,
} from '../db/schema';

/** Columns every new version replaces (all but the key). */
const OBSERVATION_COLUMNS: readonly (keyof ObservationTable & string)[] = [
  'id',
  'trace_id',
  'session_id',
  'eff_session_id',
  'user_id',
  'type',
  'name',
  'model',
  'level',
  'start_time',
  'end_time',
  'updated_at',
  'chapter',
  'cost',
  'tokens_input',
  'tokens_output',
  'tokens_total',
  'latency_ms',
  'is_error',
  'status_message',
  'parent_observation_id',
  'completion_start_time',
  'environment',
  'total_cost',
  'usage_details',
  'cost_details',
  'metadata',
  'input',
  'output',
];

const TRACE_COLUMNS: readonly (keyof TraceTable & string)[] = [
  'id',
  'timestamp',
  'session_id',
  'user_id',
  'updated_at',
  'name',
  'release',
  'version',
  'environment',
  'tags',
  'input',
  'output',
  'metadata',
];

type SessionValues = Omit<SessionAggTable, 'rowid'>;
const SESSION_COLUMNS: readonly (keyof SessionValues & string)[] = [
  ...SESSION_ROW_COLUMNS,
  'first_calls',
];

const ROLLUP_COLUMNS: readonly (keyof RollupTable & string)[] = [...ROLLUP_TOTAL_COLUMNS, 'bins'];

/**
 * The `doUpdateSet` of an upsert that replaces every column after the key with the incoming
 * row's (`excluded.<column>`), so a new version of a row overwrites the old one whole.
 *
 * @param columns every column of the row, key columns first
 * @param keyCount how many leading columns form the conflict key (left untouched), default 1
 * @example
 * db.insertInto('traces').values(rows).onConflict((c) => c.column('id').doUpdateSet(replaceAllButKey(TRACE_COLUMNS)));
 */
function replaceAllButKey<C extends string>(columns: readonly C[], keyCount = 1) {
  return Object.fromEntries(
    columns.slice(keyCount).map((column) => [column, sql.ref(`excluded.${column}`)]),
  );
}

/** Inserts or replaces observation rows. */
export const upsertObservations = bulkInsert<ObservationTable>(OBSERVATION_COLUMNS, (db, rows) =>
  db
    .insertInto('observations')
    .values(rows)
    .onConflict((conflict) =>
      conflict.column('id').doUpdateSet(replaceAllButKey(OBSERVATION_COLUMNS)),
    ),
);

/** Inserts or replaces trace rows. */
export const upsertTraces = bulkInsert<TraceTable>(TRACE_COLUMNS, (db, rows) =>
  db
    .insertInto('traces')
    .values(rows)
    .onConflict((conflict) => conflict.column('id').doUpdateSet(replaceAllButKey(TRACE_COLUMNS))),
);

/** Inserts or replaces session aggregates; returns each row's rowid (the FTS rowid). */
export const upsertSessionAggregates = bulkInsert<SessionValues, { rowid: number; id: string }>(
  SESSION_COLUMNS,
  (db, rows) =>
    db
      .insertInto('session_agg')
      .values(rows)
      .onConflict((conflict) =>
        conflict.column('id').doUpdateSet(replaceAllButKey(SESSION_COLUMNS)),
      )
      .returning(['rowid', 'id']),
);

/** Inserts or replaces rollup rows (hour or day table). */
export function upsertRollups(table: 'rollup_hour' | 'rollup_day') {
  return bulkInsert<RollupTable>(ROLLUP_COLUMNS, (db, rows) =>
    db
      .insertInto(table as 'rollup_hour')
      .values(rows)
      .onConflict((conflict) =>
        conflict
          .columns([...ROLLUP_KEY])
          .doUpdateSet(replaceAllButKey(ROLLUP_COLUMNS, ROLLUP_KEY.length)),
      ),
  );
}

/** Inserts or replaces trace aggregates. */
const TRACE_AGG_COLUMNS: readonly (keyof TraceAggTable & string)[] = [
  'id',
  'record_ts',
  'first_start',
  'last_end',
  'obs_count',
  'timestamp',
  'latency_ms',
];
export const upsertTraceAggregates = bulkInsert<TraceAggTable>(TRACE_AGG_COLUMNS, (db, rows) =>
  db
    .insertInto('trace_agg')
    .values(rows)
    .onConflict((conflict) =>
      conflict.column('id').doUpdateSet(replaceAllButKey(TRACE_AGG_COLUMNS)),
    ),
);

/** Inserts first-call rows. */
export const insertAgentFirsts = bulkInsert<AgentFirstTable>(
  ['session_id', 'agent', 'first_start'],
  (db, rows) => db.insertInto('agent_first').values(rows),
);

/** Inserts FTS rows. */
export const insertSearchRows = bulkInsert<{ rowid: number; ident: string; body: string }>(
  ['rowid', 'ident', 'body'],
  (db, rows) => db.insertInto('session_fts').values(rows),
  100,
);
