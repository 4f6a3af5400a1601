import { describe } from 'vitest';
import { dataVersionCases } from './cases/data-version';
import { datasetCases } from './cases/datasets';
import { emptyStoreCases } from './cases/empty-store';
import { handComputedCases } from './cases/hand-computed';
import { largeInputCases } from './cases/large-inputs';
import { lifecycleCases } from './cases/lifecycle';
import { scanCases } from './cases/scan';
import { scoreFollowCases } from './cases/score-follows';
import { scoreCases } from './cases/scores';
import { searchCases } from './cases/search';
import { sessionScoreCases } from './cases/session-scores';
import { syncStateCases } from './cases/sync-state';
import { timeZoneCases } from './cases/time-zones';
import { writeCases } from './cases/writes';
import { type ConformanceDataset, DEFAULT_CONFORMANCE_DATASETS } from './datasets';
import {
  type CreateConformanceStore,
  type CreateSiblingStore,
  siblingOpener,
  storeOpener,
} from './open-store';

/** Options of {@link storeConformanceSuite}. */
export interface StoreConformanceOptions {
  /** Generated datasets to compare on. Default {@link DEFAULT_CONFORMANCE_DATASETS} (five, 50–400 sessions). */
  datasets?: readonly ConformanceDataset[];
  /** Include the one-megabyte and 5000-record cases. Default true. */
  largeInputs?: boolean;
  /**
   * Timeout of each dataset test and of loading a dataset, milliseconds: a hang guard, generous
   * because a loaded CI machine can take minutes. Default 180 000.
   */
  timeoutMs?: number;
  /**
   * Opens a second store on the database of a store the suite created, so the data version is
   * checked across connections (as across processes). Default none: those cases are skipped.
   *
   * @example
   * openSibling: (store, context) => createSqliteStore({ path: pathOf.get(store), ...context })
   */
  openSibling?: CreateSiblingStore;
}

/**
 * Defines the Vitest suite every `DashboardStore` must pass: an empty store, unknown ids, writes
 * (duplicates, out-of-order versions, linking, late updates), sync state and lease, the data
 * version and snapshots (across connections with `openSibling`), errors and
 * closing, search, session scans, large inputs, answers worked out by hand, local-day buckets
 * around daylight-saving changes, and every query on several generated
 * datasets compared with `createMemoryStore` (the reference).
 *
 * Tolerances: integers exactly; other numbers within a relative 1e-9 (summation order); latency
 * percentiles within 1% relative + 0.5 ms of the exact nearest-rank value, so a store may answer
 * them from the log-bucket sketch in `semantics/percentiles`.
 *
 * `createStore` must return a new, empty store using the given preset and clock each time; the
 * suite closes every store it creates.
 *
 * @example
 * // test/sqlite.conformance.test.ts
 * import { storeConformanceSuite } from '@cupid-dashboard/core/testing';
 * storeConformanceSuite('sqlite', (context) => createSqliteStore({ path: ':memory:', ...context }));
 */
export function storeConformanceSuite(
  name: string,
  createStore: CreateConformanceStore,
  options: StoreConformanceOptions = {},
): void {
  describe(`DashboardStore conformance: ${name}`, () => {
    const open = storeOpener(createStore);
    const openSibling = options.openSibling && siblingOpener(options.openSibling);
    emptyStoreCases(open);
    writeCases(open);
    syncStateCases(open);
    dataVersionCases(open, openSibling);
    lifecycleCases(open);
    searchCases(open);
    scanCases(open);
    scoreCases(open);
    scoreFollowCases(open);
    sessionScoreCases(open);
    handComputedCases(open);
    timeZoneCases(open);
    if (options.largeInputs ?? true) largeInputCases(open);
    datasetCases(
      createStore,
      options.datasets ?? DEFAULT_CONFORMANCE_DATASETS,
      options.timeoutMs ?? 180_000,
    );
  });
}
