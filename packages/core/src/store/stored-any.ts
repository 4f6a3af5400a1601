import type { UpsertResult } from './upsert';

/**
 * Whether an upsert stored any version (new, replacing or an identical re-delivery): the rule for
 * when an upsert moves the data version. One that only skipped older versions stored nothing.
 *
 * @example
 * const result = await writeBatch(batch);
 * if (storedAny(result)) await bumpDataVersion(db);
 */
export function storedAny({ written }: UpsertResult): boolean {
  return written.sessions + written.traces + written.observations + written.scores > 0;
}
