import { SESSION_ROW_COLUMNS } from '@cupid-dashboard/sql-store';
import { bulkInsert } from '../db/bulk-insert';
import { replaceAllButKey } from '../db/replace-all-but-key';
import type {
  AgentFirstTable,
  ObservationTable,
  SessionAggTable,
  SessionCharsTable,
  SessionPairsTable,
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

/** Inserts the distinct characters of sessions' search text. */
export const insertSearchChars = bulkInsert<SessionCharsTable>(['rowid', 'chars'], (db, rows) =>
  db.insertInto('session_chars').values(rows),
);

/** Inserts the pair bitmaps of sessions' search text. */
export const insertSearchPairs = bulkInsert<SessionPairsTable>(['rowid', 'pairs'], (db, rows) =>
  db.insertInto('session_pairs').values(rows),
);
