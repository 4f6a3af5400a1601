import {
  type CupidDatasetOptions,
  type ResolvedDatasetOptions,
  resolveDatasetOptions,
} from './options';
import { type DatasetPlan, planDataset } from './plan';
import { buildSession } from './session';
import type { CupidSessionChunk } from './types';

/** Builds the planned sessions one by one, in start order. */
export function* sessionChunks(
  options: ResolvedDatasetOptions,
  plan: DatasetPlan,
): Generator<CupidSessionChunk> {
  for (let index = 0; index < plan.sessionCount; index++) {
    yield buildSession(plan.session(index), options);
  }
}

/**
 * Generates a Cupid dataset one session at a time, in session start order, so even 100,000
 * sessions (about 5 million observations) pass through in bounded memory. Deterministic and
 * consistent with {@link generateCupidDataset}: the same options give the same records.
 * Options are validated on the call, before the first chunk; the iterable can be iterated more
 * than once and gives the same chunks each time.
 *
 * @throws {DatasetOptionError} (a `RangeError`) naming the first invalid option.
 * @example
 * for (const { session, traces, observations } of streamCupidDataset({ sessions: 20_000 })) {
 *   store.upsert({ sessions: [session], traces, observations });
 * }
 */
export function streamCupidDataset(options: CupidDatasetOptions = {}): Iterable<CupidSessionChunk> {
  const resolved = resolveDatasetOptions(options);
  return {
    [Symbol.iterator]: () => sessionChunks(resolved, planDataset(resolved)),
  };
}
