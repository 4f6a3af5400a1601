import { createSyncService, type SyncServiceOptions } from '../../../src/index';
import { type FakeClientOptions, FakeLangfuse } from './fake-client';
import { createMirrorStore } from './mirror-store';

/** Sync options a test sets; the client and store come from {@link setupSync}. */
export type SetupSyncOptions = Omit<SyncServiceOptions, 'client' | 'store'>;

/**
 * Builds the fake Langfuse, a mirror store and a sync service reading one into the other, the
 * setup almost every sync test starts with. The records (and served generations) go to the fake
 * as given; the sync options go to `createSyncService` unchanged, so every default (apiMode
 * `auto`, page size, lookback, clock) stays the service's own.
 *
 * @param records - what the fake serves; default nothing, both API generations.
 * @param options - sync options besides `client` and `store`; default none.
 * @example
 * const { dataset, end } = smallDataset();
 * const { fake, store, sync } = setupSync(dataset, { apiMode: 'v2', now: () => end });
 * await sync.sync();
 */
export function setupSync(records: FakeClientOptions = {}, options: SetupSyncOptions = {}) {
  const fake = new FakeLangfuse(records);
  const store = createMirrorStore();
  const sync = createSyncService({ client: fake.client, store, ...options });
  return { fake, store, sync };
}
