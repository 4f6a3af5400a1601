import type { StoreCounts } from '@cupid-dashboard/core';
import { sql } from 'kysely';
import { type Num, toNumber } from './numbers';
import type { ScoreHourColumns } from './tables';
import { type SqlDb, sharedView } from './view';

/** Names of the maintained row counters (so `counts()` never scans the tables). */
export type CounterName =
  | 'sessions'
  | 'traces'
  | 'observations'
  | 'scores'
  | 'derived_sessions'
  | 'derived_traces';

/** A maintained row count, by name. */
export interface CounterTable {
  name: string;
  value: Num;
}

/** The tables the counts are read from: the counters and the score rollups' names. */
export interface CounterSchema {
  counters: CounterTable;
  score_hour: Pick<ScoreHourColumns<Num>, 'name'>;
}

/** Distinct agents and models of a store's rollups, which each store counts its own way. */
export type RollupNameCounter<DB> = (db: SqlDb<DB>) => Promise<{ agents: number; models: number }>;

const onCounters = sharedView<CounterSchema>();

/** Adds a batch's changes to the counters, in one statement; zero changes are skipped. */
export async function addCounters<DB extends CounterSchema>(
  db: SqlDb<DB>,
  changes: Partial<Record<CounterName, number>>,
): Promise<void> {
  const rows = Object.entries(changes).filter(([, delta]) => delta !== undefined && delta !== 0);
  if (rows.length === 0) return;
  await onCounters(db)
    .insertInto('counters')
    .values(rows.map(([name, value]) => ({ name, value: value as number })))
    .onConflict((conflict) =>
      conflict
        .column('name')
        .doUpdateSet((eb) => ({ value: eb('counters.value', '+', eb.ref('excluded.value')) })),
    )
    .execute();
}

/** Every counter (missing ones are 0). */
export async function readCounters<DB extends CounterSchema>(
  db: SqlDb<DB>,
): Promise<Record<CounterName, number>> {
  const rows = await onCounters(db).selectFrom('counters').select(['name', 'value']).execute();
  const values: Record<CounterName, number> = {
    sessions: 0,
    traces: 0,
    observations: 0,
    scores: 0,
    derived_sessions: 0,
    derived_traces: 0,
  };
  for (const row of rows) values[row.name as CounterName] = toNumber(row.value);
  return values;
}

/** Distinct score names the hourly score rollups hold. */
async function countScoreNames<DB extends CounterSchema>(db: SqlDb<DB>): Promise<number> {
  const row = await onCounters(db)
    .selectFrom('score_hour')
    .select(sql<Num>`count(distinct name)`.as('names'))
    .executeTakeFirstOrThrow();
  return toNumber(row.names);
}

/** Stored and derived row counts: the maintained counters plus distinct names of the rollups. */
export async function readStoreCounts<DB extends CounterSchema>(
  db: SqlDb<DB>,
  countRollupNames: RollupNameCounter<DB>,
): Promise<StoreCounts> {
  const counters = await readCounters(db);
  const names = await countRollupNames(db);
  return {
    records: {
      sessions: counters.sessions,
      traces: counters.traces,
      observations: counters.observations,
      scores: counters.scores,
    },
    derived: {
      sessions: counters.derived_sessions,
      traces: counters.derived_traces,
      agents: names.agents,
      models: names.models,
      scoreNames: await countScoreNames(db),
    },
  };
}
