import type { EntityCounts } from '../store/upsert';
import type { SyncVerification } from './types';

const KINDS = ['sessions', 'traces', 'observations', 'scores'] as const;

/**
 * Compares the store's record counts with what a run fetched (see {@link SyncVerification}).
 * `sentHere` are the records sent by this process (a resumed run's earlier pages were sent by
 * another process and are not in `written`).
 *
 * @example
 * verifyRun({ fetched, sentHere: fetched, written, olderVersions, before, stored }).ok;
 */
export function verifyRun(input: {
  fetched: EntityCounts;
  sentHere: EntityCounts;
  written: EntityCounts;
  olderVersions: EntityCounts;
  before: EntityCounts;
  stored: EntityCounts;
}): SyncVerification {
  const { fetched, sentHere, written, olderVersions, before, stored } = input;
  const problems: string[] = [];
  const parts: string[] = [];
  for (const kind of KINDS) {
    const growth = stored[kind] - before[kind];
    parts.push(`${kind}: ${fetched[kind]} fetched, ${stored[kind]} stored (+${growth})`);
    if (written[kind] + olderVersions[kind] !== sentHere[kind]) {
      problems.push(
        `${kind}: the store accounted for ${written[kind] + olderVersions[kind]} of ${sentHere[kind]} sent`,
      );
    }
    if (growth < 0) problems.push(`${kind}: the store lost ${-growth} records`);
    if (growth > fetched[kind])
      problems.push(`${kind}: the store gained more records than fetched`);
  }
  return {
    fetched,
    written,
    olderVersions,
    before,
    stored,
    ok: problems.length === 0,
    summary: [...parts, ...problems].join('; '),
  };
}
