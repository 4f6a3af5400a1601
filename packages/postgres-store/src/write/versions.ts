import { type EpochMs, replacesStored } from '@cupid-dashboard/core';

/** The outcome of the version rule over one entity of a batch. */
export interface VersionOutcome<T> {
  /** The version of each id that ends up stored (the batch's last winner). */
  finals: Map<string, T>;
  /** Elements of the batch that won against what was stored or came before them. */
  written: number;
  /** Elements that lost: the stored or an earlier version has a later `updatedAt`. */
  skipped: number;
}

/**
 * Applies core's version rule (`replacesStored`) to a batch in order, against the stored
 * versions and against earlier elements of the same batch.
 *
 * @example
 * resolveVersions([{ id: 'a', updatedAt: 1 }], new Map([['a', { updatedAt: 2 }]])).skipped; // 1
 */
export function resolveVersions<T extends { id: string; updatedAt: EpochMs | null }>(
  records: readonly T[],
  stored: ReadonlyMap<string, { updatedAt: EpochMs | null }>,
): VersionOutcome<T> {
  const current = new Map<string, { updatedAt: EpochMs | null }>(stored);
  const finals = new Map<string, T>();
  let written = 0;
  let skipped = 0;
  for (const record of records) {
    if (!replacesStored(record, current.get(record.id))) {
      skipped++;
      continue;
    }
    written++;
    current.set(record.id, record);
    finals.set(record.id, record);
  }
  return { finals, written, skipped };
}

export { chunks } from '@cupid-dashboard/sql-store';
