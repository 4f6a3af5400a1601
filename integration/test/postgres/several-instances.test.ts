import { createPostgresStore, type PostgresDashboardStore } from '@cupid-dashboard/postgres-store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startTestPostgres,
  type TestPostgres,
} from '../../../packages/postgres-store/test/support/embedded-postgres';
import { type ChildServer, listeningPort, spawnCli, waitFor } from '../smoke/child-server';
import {
  dataset,
  expectEqualToTruth,
  lastStart,
  served,
  truthCounts,
} from '../sync/support/harness';
import { readPostgresRecords } from '../sync/support/postgres';

// Three `cupid-dashboard serve` processes on one PostgreSQL database, syncing from the simulator
// over HTTP: one syncs at a time (a trigger on a peer answers 409 SYNC_LEASE_HELD); when the
// syncing one is SIGKILLed another takes over once the lease expires; the data ends equal to the
// source and every instance answers every route alike.
const LEASE_TTL_SECONDS = 3;
let postgres: TestPostgres;
let store: PostgresDashboardStore;
const children: ChildServer[] = [];

beforeAll(async () => {
  postgres = await startTestPostgres();
  store = await createPostgresStore({ connectionString: postgres.url }, { poolSize: 2 });
}, 180_000);

afterAll(async () => {
  for (const child of children) if (child.child.exitCode === null) child.child.kill('SIGKILL');
  await store?.close();
  await postgres?.dispose();
}, 120_000);

type Instance = { child: ChildServer; base: string };

async function call(instance: Instance, path: string, method = 'GET') {
  const response = await fetch(`${instance.base}${path}`, { method });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('several server instances on one PostgreSQL database', () => {
  it('sync one at a time, take over from a killed one, and answer alike', async () => {
    const data = dataset({ sessions: 40 });
    // Slow pages keep a run going long enough to see it from the peers and to kill it mid-way.
    const { sim, url } = await served({ dataset: data, latencyMs: 120 });
    const env = {
      LANGFUSE_PUBLIC_KEY: sim.publicKey,
      LANGFUSE_SECRET_KEY: sim.secretKey,
      LANGFUSE_BASE_URL: url,
      LANGFUSE_API_MODE: 'legacy',
      DATABASE_URL: postgres.url,
      DATABASE_POOL_SIZE: '3',
      SYNC_ON_START: 'false',
      SYNC_INTERVAL_SECONDS: '86400',
      SYNC_LEASE_TTL_SECONDS: String(LEASE_TTL_SECONDS),
      SYNC_LOOKBACK_MINUTES: '0',
      PORT: '0',
    };
    // Started together: they migrate the one database in turns.
    const spawned = [0, 1, 2].map(() => spawnCli(['serve'], env));
    children.push(...spawned);
    const ports = await Promise.all(spawned.map((child) => listeningPort(child, 180_000)));
    const instances: Instance[] = spawned.map((child, i) => ({
      child,
      base: `http://127.0.0.1:${ports[i]}`,
    }));
    const [first, second, third] = instances as [Instance, Instance, Instance];

    expect((await call(first, '/api/sync/trigger', 'POST')).status).toBe(202);
    await waitFor(
      'the peers to see the run',
      async () =>
        (await call(second, '/api/sync/status')).body.running === true ? true : undefined,
      60_000,
    );
    const holder = await store.getLease();
    expect(holder).not.toBeNull();
    for (const peer of [second, third]) {
      const refused = await call(peer, '/api/sync/trigger', 'POST');
      expect(refused).toMatchObject({ status: 409, body: { code: 'SYNC_LEASE_HELD' } });
    }

    // Kill the syncing instance between pages: some data stored, not all.
    const total = sim.truth().counts.observations;
    await waitFor(
      'part of the data',
      async () => {
        const stored = (await store.counts()).records.observations;
        return stored > 0 ? stored : undefined;
      },
      120_000,
      50,
    );
    first.child.child.kill('SIGKILL');
    await first.child.exited;
    const partial = (await store.counts()).records.observations;
    expect(partial).toBeLessThan(total);
    const dead = await store.getLease();
    expect(dead?.owner).toBe(holder?.owner);

    // The dead holder's lease still blocks the peers until it expires; then one of them takes over.
    const refusedWhileHeld = await call(second, '/api/sync/trigger', 'POST');
    if (Date.now() < (dead?.expiresAt ?? 0) - 500) {
      expect(refusedWhileHeld).toMatchObject({ status: 409, body: { code: 'SYNC_LEASE_HELD' } });
    }
    await waitFor(
      'a peer to take over',
      async () =>
        (await call(second, '/api/sync/trigger', 'POST')).status === 202 ? true : undefined,
      120_000,
      250,
    );
    const taker = await waitFor('the new lease', async () => {
      const lease = await store.getLease();
      return lease && lease.owner !== holder?.owner ? lease : undefined;
    });
    expect(taker.owner).not.toBe(holder?.owner);
    if ((await call(third, '/api/sync/status')).body.running === true) {
      const busy = await call(third, '/api/sync/trigger', 'POST');
      expect(busy).toMatchObject({ status: 409, body: { code: 'SYNC_LEASE_HELD' } });
    }
    const done = await waitFor(
      'the resumed run to succeed',
      async () => {
        const status = await call(second, '/api/sync/status');
        return status.body.running === false && status.body.status === 'success'
          ? status.body
          : undefined;
      },
      300_000,
      250,
    );
    expect(done.last_run).toMatchObject({ status: 'success' });

    // Only the killed instance and the one that took over ever ran a sync.
    const synced = (instance: Instance) =>
      instance.child.lines.some((line) => line.includes('"msg":"Sync progress"'));
    expect([first, second, third].map(synced)).toEqual([true, true, false]);

    // The data equals the source's, record by record (legacy observations have no updatedAt),
    // the store counts it so, and the two survivors answer every route alike.
    expectEqualToTruth(await readPostgresRecords(postgres.url), sim.truth(), 'legacy');
    expect((await store.counts()).records).toEqual(truthCounts(sim.truth()));
    // The dataset's own span, in whole days around it.
    const day = 86_400_000;
    const starts = data.observations.map((o) => o.startTime);
    const from = new Date(Math.floor(Math.min(...starts) / day) * day).toISOString();
    const to = new Date((Math.floor(lastStart(data) / day) + 1) * day).toISOString();
    const range = `from=${from}&to=${to}`;
    const sessions = await call(second, `/api/sessions?${range}&limit=5`);
    const firstSession = (sessions.body.sessions as { id: string }[] | undefined)?.[0];
    expect(firstSession, JSON.stringify(sessions.body).slice(0, 300)).toBeDefined();
    const agents = await call(second, `/api/agents?${range}`);
    const firstAgent = (agents.body.agents as { name: string }[] | undefined)?.[0];
    expect(firstAgent).toBeDefined();
    const paths = [
      '/api/sync/status',
      `/api/sessions?${range}`,
      `/api/sessions/stats?${range}`,
      `/api/agents?${range}`,
      `/api/metrics/dashboard?${range}`,
      `/api/metrics/models?${range}`,
      ...(firstSession
        ? [`/api/sessions/${encodeURIComponent(firstSession.id)}/conversation`]
        : []),
      ...(firstAgent
        ? [
            `/api/agents/${encodeURIComponent(firstAgent.name)}?${range}`,
            `/api/agents/${encodeURIComponent(firstAgent.name)}/charts?${range}`,
          ]
        : []),
    ];
    for (const path of paths) {
      const answers = await Promise.all([second, third].map((instance) => call(instance, path)));
      expect(answers[0]?.status, path).toBe(200);
      expect(answers[1], path).toEqual(answers[0]);
    }
  }, 900_000);
});
