import { replacesStored } from '@cupid-dashboard/core';
import { chunks } from '../chunks';

/** How many ids one `IN (...)` read of stored versions takes. */
const READ_SLICE = 500;

/**
 * The stored rows of some ids, by id, read in slices that stay under SQLite's parameter limit.
 *
 * @param read reads the rows of one slice of ids
 * @example
 * const stored = await readByIds(ids, (slice) =>
 *   db.selectFrom('traces').select(['id', 'updated_at']).where('id', 'in', slice).execute());
 */
export async function readByIds<Row extends { id: string }>(
  ids: Iterable<string>,
  read: (slice: string[]) => Promise<Row[]>,
): Promise<Map<string, Row>> {
  const stored = new Map<string, Row>();
  for (const slice of chunks([...new Set(ids)], READ_SLICE)) {
    for (const row of await read(slice)) stored.set(row.id, row);
  }
  return stored;
}

/**
 * The versions of a batch that win under the version rule (core's `replacesStored`), against the
 * stored version and the batch's earlier versions of the same id; the last winner of an id is
 * its final version.
 *
 * @returns the final version of every id that won, and how many versions lost
 */
export function pickWinners<R extends { id: string; updatedAt: number | null }>(
  records: readonly R[],
  storedUpdatedAt: (id: string) => { updatedAt: number | null } | undefined,
  onWin: (record: R) => void,
): { finals: Map<string, R>; skipped: number } {
  const current = new Map<string, { updatedAt: number | null }>();
  const finals = new Map<string, R>();
  let skipped = 0;
  for (const record of records) {
    if (!replacesStored(record, current.get(record.id) ?? storedUpdatedAt(record.id))) {
      skipped++;
      continue;
    }
    current.set(record.id, record);
    finals.set(record.id, record);
    onWin(record);
  }
  return { finals, skipped };
}
