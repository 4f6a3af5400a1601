import { createMemoryStore, createSyncService } from '@cupid-dashboard/core';
import { describe, expect, it } from 'vitest';
import {
  asOf,
  dataset,
  expectEqualToTruth,
  lastObservationStart,
  lastStart,
  served,
} from './support/harness';
import { mirrorStore } from './support/mirror-store';

describe('late and new data', () => {
  for (const apiMode of ['v2', 'legacy'] as const) {
    it(`${apiMode}: the next run picks up late updates and new records, and re-reads only the window`, async () => {
      const data = dataset({ lateUpdates: 0.15 });
      // The first run happens 5 minutes after the last start: late versions and scores that had
      // arrived by then (updatedAt ≤ run time) are published first; the rest arrive afterwards.
      let clock = lastObservationStart(data) + 300_000;
      const view = asOf(data, clock);
      expect(view.later.observations.length).toBeGreaterThan(0);
      expect(view.later.scores.length).toBeGreaterThan(0);
      const { sim, client } = await served({ dataset: view.dataset });
      sim.publish(view.arrived);
      const store = mirrorStore(createMemoryStore());
      const sync = createSyncService({ client, store, apiMode, now: () => clock });
      expect((await sync.sync()).status).toBe('success');
      const scope = apiMode === 'v2' ? 'v2' : 'legacy';
      expectEqualToTruth(store.records(), sim.truth(), scope);

      // Late versions and later scores land, and a new turn of an existing session starts.
      sim.publish(view.later);
      const session = data.sessions[0];
      const template = data.observations.find((o) => o.traceId === data.traces[0]?.id);
      if (!session || !template) throw new Error('empty dataset');
      const t = clock + 30_000;
      sim.publish({
        traces: [{ ...(data.traces[0] as (typeof data.traces)[0]), id: 'new-trace', timestamp: t }],
        observations: [
          {
            ...template,
            id: 'new-obs',
            traceId: 'new-trace',
            parentObservationId: null,
            startTime: t,
            endTime: t + 5,
            updatedAt: t + 5,
          },
        ],
      });
      clock = Math.max(clock, lastStart(data)) + 300_000;
      sim.resetRequests();
      const second = await sync.sync();
      expect(second.status).toBe('success');
      expectEqualToTruth(store.records(), sim.truth(), scope);
      // Incremental: far fewer records than a full re-read.
      expect(second.counts.observations).toBeLessThan(sim.truth().counts.observations / 2);
    });
  }
});
