import {
  type DashboardPreset,
  generationSearchLines,
  type ObservationRecord,
} from '@cupid-dashboard/core';
import { fromJson } from '../db/json';
import type { ObservationTable } from '../db/schema';
import type { Db } from '../db/types';
import { applyRollupDeltas } from './apply-rollups';
import type { BatchState } from './batch-state';
import { upsertObservations } from './inserts';
import { RollupDeltas } from './rollup-deltas';
import { FACT_COLUMNS, factOfRow, type ObservationFact, observationRow } from './rows';
import { followObservations } from './score-observations';
import { pickWinners, readByIds } from './versions';

/** A stored observation version: its rollup fact plus what its trace span and search text need. */
type StoredObservation = ObservationFact & {
  endTime: number | null;
  input: string | null;
  output: string | null;
};

/**
 * Writes the batch's observation versions that win, each with its effective session (its own,
 * else its trace's), and moves the rollups, trace changes and search text from every stored
 * version replaced to its final version, and the scores on them to their agent and model.
 */
export async function upsertObservationRecords(
  db: Db,
  state: BatchState,
  observations: readonly ObservationRecord[],
  preset: DashboardPreset,
): Promise<void> {
  if (observations.length === 0) return;
  const stored = await readStoredObservations(db, observations);
  const traceSessions = await traceSessionsOf(db, observations);
  const rows = new Map<string, ObservationTable>();
  const { finals, skipped } = pickWinners(
    observations,
    (id) => stored.get(id),
    (observation) => {
      state.written.observations++;
      const traceSession =
        observation.traceId === null ? null : (traceSessions.get(observation.traceId) ?? null);
      const row = observationRow(observation, observation.sessionId ?? traceSession, preset);
      rows.set(observation.id, row);
      state.touched.addObservation(factOfRow(row));
    },
  );
  state.skipped.observations += skipped;

  const deltas = new RollupDeltas();
  for (const [id, record] of finals) {
    const row = rows.get(id) as ObservationTable;
    replaceVersion(state, deltas, stored.get(id), row, record);
  }
  const written = [...rows.values()];
  for (const row of written) state.index.addObservation(row);
  await upsertObservations(db, written);
  await applyRollupDeltas(db, deltas);
  await followObservations(db, [...rows.keys()]);
}

async function readStoredObservations(
  db: Db,
  observations: readonly ObservationRecord[],
): Promise<Map<string, StoredObservation>> {
  const rows = await readByIds(
    observations.map((observation) => observation.id),
    (slice) =>
      db
        .selectFrom('observations')
        .select([...FACT_COLUMNS, 'end_time', 'input', 'output'])
        .where('id', 'in', slice)
        .execute(),
  );
  const stored = new Map<string, StoredObservation>();
  for (const [id, row] of rows) {
    stored.set(id, {
      ...factOfRow(row),
      endTime: row.end_time,
      input: row.input,
      output: row.output,
    });
  }
  return stored;
}

/** The session of each trace the batch's observations without a `sessionId` name. */
async function traceSessionsOf(
  db: Db,
  observations: readonly ObservationRecord[],
): Promise<Map<string, string | null>> {
  const ids = observations.flatMap((o) =>
    o.sessionId === null && o.traceId !== null ? [o.traceId] : [],
  );
  const rows = await readByIds(ids, (slice) =>
    db.selectFrom('traces').select(['id', 'session_id']).where('id', 'in', slice).execute(),
  );
  return new Map([...rows].map(([id, row]) => [id, row.session_id]));
}

/**
 * Moves everything derived from one observation from its stored version (if any) to its final
 * one: rollup deltas, trace spans, and search text, which is appended when the new version keeps
 * every line of the old in the same session and rebuilt otherwise.
 */
function replaceVersion(
  state: BatchState,
  deltas: RollupDeltas,
  before: StoredObservation | undefined,
  row: ObservationTable,
  record: ObservationRecord,
): void {
  const after = factOfRow(row);
  const afterLines = generationSearchLines(record);
  if (before) {
    state.touched.addObservation(before);
    deltas.apply(before, -1);
    state.traceChanges.addObservation(before.traceId, before.startTime, before.endTime, -1);
    const beforeLines = generationSearchLines({
      type: before.type,
      input: fromJson(before.input),
      output: fromJson(before.output),
    });
    if (before.effSessionId === after.effSessionId && isSubset(beforeLines, afterLines)) {
      state.search.append(after.effSessionId, afterLines);
    } else {
      state.search.rebuild(before.effSessionId);
      state.search.rebuild(after.effSessionId);
    }
  } else {
    state.created.observations++;
    state.search.append(after.effSessionId, afterLines);
  }
  deltas.apply(after, 1);
  state.traceChanges.addObservation(row.trace_id, row.start_time, row.end_time, 1);
}

function isSubset(small: readonly string[], large: readonly string[]): boolean {
  if (small.length === 0) return true;
  const set = new Set(large);
  return small.every((line) => set.has(line));
}
