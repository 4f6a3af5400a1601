import {
  type DashboardPreset,
  foldedObservation,
  generationSearchLines,
  type ObservationRecord,
} from '@cupid-dashboard/core';
import { sql } from 'kysely';
import { toNumber, toNumberOrNull } from '../db/numbers';
import type { ObservationTable } from '../db/schema';
import type { Db } from '../db/types';
import type { FactSource } from '../rollups/fact-deltas';
import type { BatchChanges } from './batch-changes';
import { observationRow, recordOf } from './rows';
import { followObservations } from './score-observations';
import { traceSessionsOf } from './trace-sessions';
import { chunks, resolveVersions } from './versions';

/** What the store holds of an observation about to be replaced. */
interface StoredObservation extends FactSource {
  updatedAt: number | null;
  effSessionId: string | null;
  traceId: string | null;
  /** Its search lines, worked out only for generations. */
  lines: string[];
}

/**
 * Observations under the version rule, with their effective session. A new one adds itself to
 * its session, its trace and the rollups; one that replaces a stored version takes that version
 * out of the rollups and makes its old and new session and trace dirty. A new version that only
 * adds search text appends to its session's; one that loses text or moves rebuilds it.
 */
export async function writeObservations(
  db: Db,
  records: readonly ObservationRecord[],
  preset: DashboardPreset,
  changes: BatchChanges,
): Promise<{ written: number; skipped: number }> {
  if (records.length === 0) return { written: 0, skipped: 0 };
  const stored = await storedObservations(db, records);
  const traceSessions = await traceSessionsOf(db, records);
  const { finals, written, skipped } = resolveVersions(records, stored);
  const rows: ObservationTable[] = [];
  for (const record of finals.values()) {
    const effSessionId =
      record.sessionId ??
      (record.traceId === null ? null : (traceSessions.get(record.traceId) ?? null));
    const row = observationRow(record, effSessionId, preset);
    rows.push(row);
    noteObservation(record, row, stored.get(record.id), changes);
  }
  for (const slice of chunks(rows, 1000)) {
    await db
      .insertInto('observations')
      .values(slice)
      .onConflict((conflict) =>
        conflict.column('id').doUpdateSet((eb) => {
          const columns = Object.keys(slice[0] ?? {}).filter((column) => column !== 'id');
          return Object.fromEntries(
            columns.map((column) => [
              column,
              eb.ref(`excluded.${column as keyof ObservationTable}`),
            ]),
          );
        }),
      )
      .execute();
  }
  await followObservations(
    db,
    rows.map((row) => row.id),
  );
  return { written, skipped };
}

/** What writing one observation's final version changes besides its row. */
function noteObservation(
  record: ObservationRecord,
  row: ObservationTable,
  before: StoredObservation | undefined,
  changes: BatchChanges,
): void {
  const { touched, search, facts } = changes;
  const effSessionId = row.eff_session_id;
  touched.addObservation({ ...record, effSessionId });
  facts.shift(row, 1);
  const lines = generationSearchLines(record);
  if (!before) {
    search.append(effSessionId, lines);
    changes.count('observations', 1);
    changes.addTraceMember(record.traceId, {
      startTime: record.startTime,
      endTime: record.endTime,
      cost: row.cost,
    });
    changes.additionsTo(effSessionId)?.observations.push(
      foldedObservation(record, {
        chapter: row.chapter,
        cost: row.cost,
        tokens: { input: row.tokens_input, output: row.tokens_output, total: row.tokens_total },
        isError: row.is_error,
      }),
    );
    return;
  }
  touched.addObservation({ ...before, startTime: toNumber(before.start_time) });
  facts.shift(before, -1);
  changes.dirtySession(before.effSessionId);
  changes.dirtySession(effSessionId);
  changes.dirtyTrace(before.traceId);
  changes.dirtyTrace(record.traceId);
  if (before.effSessionId === effSessionId && isSubset(before.lines, lines)) {
    search.append(effSessionId, lines);
  } else {
    search.rebuild(before.effSessionId);
    search.rebuild(effSessionId);
  }
}

async function storedObservations(
  db: Db,
  records: readonly ObservationRecord[],
): Promise<Map<string, StoredObservation>> {
  const stored = new Map<string, StoredObservation>();
  for (const slice of chunks([...new Set(records.map((record) => record.id))], 1000)) {
    const rows = await db
      .selectFrom('observations')
      .select([
        'id',
        'updated_at',
        'eff_session_id',
        'trace_id',
        'name',
        'model',
        'start_time',
        'type',
        'is_error',
        'cost',
        'tokens_input',
        'tokens_output',
        'tokens_total',
        'latency_ms',
        'latency_bin',
      ])
      // Only a generation's record is needed (for its search lines); others stay unread.
      .select(sql<string | null>`case when type = 'GENERATION' then record end`.as('record'))
      .where('id', 'in', slice)
      .execute();
    for (const row of rows) {
      stored.set(row.id, {
        ...row,
        updatedAt: toNumberOrNull(row.updated_at),
        effSessionId: row.eff_session_id,
        traceId: row.trace_id,
        lines:
          row.record === null
            ? []
            : generationSearchLines(recordOf<ObservationRecord>({ record: row.record })),
      });
    }
  }
  return stored;
}

function isSubset(small: readonly string[], large: readonly string[]): boolean {
  if (small.length === 0) return true;
  const set = new Set(large);
  return small.every((line) => set.has(line));
}
