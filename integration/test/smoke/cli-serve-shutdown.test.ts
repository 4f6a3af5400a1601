import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateCupidDataset } from '@cupid-dashboard/core/dataset';
import { createLangfuseSimulator } from '@cupid-dashboard/langfuse-simulator';
import { createSqliteStore } from '@cupid-dashboard/sqlite-store';
import { afterAll, describe, expect, it } from 'vitest';
import { listeningPort, spawnCli, waitFor } from './child-server';

// SIGTERM while a sync started by POST /api/sync/trigger is mid-way: the process exits 0 and the
// database holds the run's checkpoint, so the next start resumes instead of starting over.
const dataset = generateCupidDataset({ seed: 3, sessions: 40, days: 30 });
// Slow pages of 100 rows (legacy mode) keep the run going for seconds.
const sim = createLangfuseSimulator({ dataset, latencyMs: 100 });
const dir = mkdtempSync(join(tmpdir(), 'cupid-shutdown-'));

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('cupid-dashboard serve shutdown', () => {
  it('stops a triggered sync on SIGTERM, exits 0 and keeps its checkpoint', async () => {
    const simServer = await sim.listen();
    const path = join(dir, 'cupid.db');
    const server = spawnCli(['serve'], {
      LANGFUSE_PUBLIC_KEY: sim.publicKey,
      LANGFUSE_SECRET_KEY: sim.secretKey,
      LANGFUSE_BASE_URL: simServer.url,
      LANGFUSE_API_MODE: 'legacy',
      DATABASE_PATH: path,
      PORT: '0',
      SYNC_ON_START: 'false',
      SYNC_INTERVAL_SECONDS: '3600',
    });
    try {
      const port = await listeningPort(server);
      const base = `http://127.0.0.1:${port}`;
      const trigger = await fetch(`${base}/api/sync/trigger`, { method: 'POST' });
      expect(trigger.status).toBe(202);
      await waitFor('two committed pages', async () => {
        const status = (await (await fetch(`${base}/api/sync/status`)).json()) as {
          progress?: { pages: number } | null;
        };
        return (status.progress?.pages ?? 0) >= 2 ? true : undefined;
      });

      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
    } finally {
      if (server.child.exitCode === null) server.child.kill('SIGKILL');
      await simServer.close();
    }

    const store = await createSqliteStore({ path });
    try {
      const state = await store.getSyncState();
      expect(state.lastRun?.error?.code).toBe('SYNC_ABORTED');
      expect(state.checkpoint).not.toBeNull();
      expect(await store.getLease()).toBeNull();
    } finally {
      await store.close();
    }
  });
});
