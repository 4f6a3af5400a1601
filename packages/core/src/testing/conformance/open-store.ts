import { afterEach } from 'vitest';
import type { EpochMs } from '../../domain/records';
import { cupidPreset } from '../../presets/cupid';
import type { DashboardPreset } from '../../presets/types';
import type { DashboardStore } from '../../store/store';

/** What the suite hands the store factory: the store must use this preset and clock. */
export interface ConformanceContext {
  preset: DashboardPreset;
  /** The clock for queries that omit `now`, epoch ms. */
  now: () => EpochMs;
}

/** Creates a fresh, empty store for one test. */
export type CreateConformanceStore = (
  context: ConformanceContext,
) => Promise<DashboardStore> | DashboardStore;

/** Opens a fresh store for the current test; every store opened is closed after the test. */
export type OpenStore = (now?: EpochMs) => Promise<DashboardStore>;

/**
 * Opens a second store on the same database as `store` (another connection, as another process
 * would), with the same preset and clock. Stores that cannot share a database have none.
 */
export type CreateSiblingStore = (
  store: DashboardStore,
  context: ConformanceContext,
) => Promise<DashboardStore> | DashboardStore;

/** Opens a sibling of a store for the current test; it is closed after the test. */
export type OpenSibling = (store: DashboardStore) => Promise<DashboardStore>;

/** Registers the after-each cleanup and returns the sibling opener. Call inside a `describe`. */
export function siblingOpener(createSibling: CreateSiblingStore): OpenSibling {
  const opened: DashboardStore[] = [];
  afterEach(async () => {
    const stores = opened.splice(0);
    await Promise.all(stores.map((store) => store.close().catch(() => undefined)));
  });
  return async (store) => {
    const sibling = await createSibling(store, {
      preset: store.preset,
      now: () => Date.parse('2026-11-20T12:00:00Z'),
    });
    opened.push(sibling);
    return sibling;
  };
}

/** Registers the after-each cleanup and returns the opener. Call inside a `describe`. */
export function storeOpener(createStore: CreateConformanceStore): OpenStore {
  const opened: DashboardStore[] = [];
  afterEach(async () => {
    const stores = opened.splice(0);
    await Promise.all(stores.map((store) => store.close().catch(() => undefined)));
  });
  return async (now = Date.parse('2026-11-20T12:00:00Z')) => {
    const store = await createStore({ preset: cupidPreset, now: () => now });
    opened.push(store);
    return store;
  };
}
