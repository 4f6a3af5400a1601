import { createSyncService } from '@cupid-dashboard/core';
import { createPostgresStore } from '@cupid-dashboard/postgres-store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startTestPostgres,
  type TestPostgres,
} from '../../../packages/postgres-store/test/support/embedded-postgres';
import {
  asOf,
  dataset,
  expectEqualToTruth,
  lastObservationStart,
  lastStart,
  onCleanup,
  served,
  truthCounts,
} from './support/harness';
import { readPostgresRecords } from './support/postgres';

let postgres: TestPostgres;
beforeAll(async () => {
  postgres = await startTestPostgres();
}, 180_000);
afterAll(() => postgres?.dispose(), 120_000);

describe('sync into the PostgreSQL store', () => {
  for (const apiMode of ['v2', 'legacy'] as const) {
    it(`${apiMode}: a backfill and a later run with late data and scores end equal to the truth`, async () => {
      const data = dataset({ lateUpdates: 0.15 });
      let clock = lastObservationStart(data) + 300_000;
      const view = asOf(data, clock);
      const { sim, client } = await served({ dataset: view.dataset });
      sim.publish(view.arrived);
      const schema = `sync_${apiMode}`;
      const store = await createPostgresStore({ connectionString: postgres.url }, { schema });
      onCleanup(() => store.close());
      const sync = createSyncService({ client, store, apiMode, now: () => clock });
      const scope = apiMode === 'v2' ? 'v2' : 'legacy';

      const first = await sync.sync();
      expect(first.status).toBe('success');
      expect(first.verification?.ok).toBe(true);
      expect(first.counts.scores).toBeGreaterThan(0);
      expectEqualToTruth(await readPostgresRecords(postgres.url, schema), sim.truth(), scope);

      sim.publish(view.later);
      clock = Math.max(clock, lastStart(data)) + 300_000;
      expect((await sync.sync()).status).toBe('success');
      expectEqualToTruth(await readPostgresRecords(postgres.url, schema), sim.truth(), scope);
      expect((await store.counts()).records).toEqual(truthCounts(sim.truth()));
    });
  }
});
