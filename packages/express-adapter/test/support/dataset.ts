import {
  createDashboard,
  createMemoryStore,
  type Dashboard,
  type DashboardStore,
} from '@cupid-dashboard/core';
import { type CupidDataset, generateCupidDataset } from '@cupid-dashboard/core/dataset';
import { createSqliteStore } from '@cupid-dashboard/sqlite-store';

/** The fixed clock of every adapter test: 2026-11-20T12:00:00Z, one hour after the data ends. */
export const NOW = Date.parse('2026-11-20T12:00:00Z');
/** When the fixture's last sync succeeded. */
export const SYNCED_AT = NOW - 5 * 60_000;

/** A small generated Cupid dataset: 40 sessions over 30 days, a few with errors, with scores. */
export const dataset: CupidDataset = generateCupidDataset({
  seed: 7,
  sessions: 40,
  days: 30,
  end: NOW - 3_600_000,
  errorRate: 0.15,
});

/** How a test opens a store; every store the adapter suite runs against. */
export type OpenStore = () => Promise<DashboardStore>;

/** SQLite (what hosts run) first; the reference memory store beside it. */
export const stores: [name: string, open: OpenStore][] = [
  ['SQLite', () => createSqliteStore({ path: ':memory:', now: () => NOW })],
  ['memory', async () => createMemoryStore({ now: () => NOW })],
];

/** A store seeded with {@link dataset} and a successful sync, in a dashboard on the fixed clock. */
export async function seededDashboard(
  open: OpenStore,
  options: Partial<Parameters<typeof createDashboard>[0]> = {},
): Promise<Dashboard> {
  const store = await open();
  const { touched } = await store.upsert({
    sessions: dataset.sessions,
    traces: dataset.traces,
    observations: dataset.observations,
    scores: dataset.scores,
  });
  await store.refresh(touched);
  await store.saveSyncState({ status: 'success', lastSuccessAt: SYNCED_AT });
  return createDashboard({ store, now: () => NOW, ...options });
}
