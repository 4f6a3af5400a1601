import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createDashboard, createMemoryStore } from '@cupid-dashboard/core';
import { generateCupidDataset } from '@cupid-dashboard/core/dataset';
import { dashboardRouter } from '@cupid-dashboard/express';
import { createLangfuseSimulator } from '@cupid-dashboard/langfuse-simulator';
import { loadConfig, type RunningServer, startServer } from '@cupid-dashboard/server';
import express, { type Request } from 'express';
import { pino } from 'pino';

/** The prefix and key of the second mount: the UI under a host's path, behind API keys. */
export const PREFIX = '/internal/dashboard';
export const API_KEY = 'browser-test-key';

/** The dashboard server at `/` and the same dashboard mounted under a prefix, read-only, with keys. */
export interface Stack {
  server: RunningServer;
  /** The simulator, for injecting faults (a slow page makes a sync's progress visible). */
  sim: ReturnType<typeof createLangfuseSimulator>;
  rootUrl: string;
  prefixedUrl: string;
  /** A dashboard over an empty store: nothing synced yet. */
  emptyUrl: string;
  /** The synced dashboard behind a host auth hook that lets the page through but not the API. */
  signedOutUrl: string;
  close(): Promise<void>;
}

/**
 * Starts the Langfuse simulator with a generated Cupid dataset, the dashboard server syncing
 * from it (its first sync finished before this resolves), and a host app mounting the same
 * dashboard at {@link PREFIX} with `apiKeys` and `readOnly`.
 */
export async function startStack(): Promise<Stack> {
  const end = Math.floor((Date.now() - 3_600_000) / 3_600_000) * 3_600_000;
  const dataset = generateCupidDataset({ seed: 11, sessions: 60, days: 30, end, errorRate: 0.1 });
  const sim = createLangfuseSimulator({ dataset });
  const simServer = await sim.listen({ host: '127.0.0.1', port: 0 });
  const config = loadConfig({
    LANGFUSE_PUBLIC_KEY: sim.publicKey,
    LANGFUSE_SECRET_KEY: sim.secretKey,
    LANGFUSE_BASE_URL: simServer.url,
    DATABASE_PATH: ':memory:',
    PORT: '0',
    SYNC_INTERVAL_SECONDS: '3600',
  });
  const server = await startServer(config, { logger: pino({ level: 'silent' }) });
  const deadline = Date.now() + 30_000;
  while ((await server.dashboard.store.getSyncState()).lastSuccessAt == null) {
    if (Date.now() > deadline) throw new Error('The first sync did not finish in 30 s');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const empty = createDashboard({ store: createMemoryStore() });
  const host = express()
    .use(
      PREFIX,
      dashboardRouter(server.dashboard, { ui: true, apiKeys: [API_KEY], readOnly: true }),
    )
    .use('/empty', dashboardRouter(empty, { ui: true }))
    .use(
      '/signed-out',
      dashboardRouter(server.dashboard, {
        ui: true,
        auth: (req: Request) => !req.path.startsWith('/api/'),
      }),
    );
  const hostServer: Server = await new Promise((resolve) => {
    const listening = host.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const port = (hostServer.address() as AddressInfo).port;
  return {
    server,
    sim,
    rootUrl: `${server.url}/`,
    prefixedUrl: `http://127.0.0.1:${port}${PREFIX}/`,
    emptyUrl: `http://127.0.0.1:${port}/empty/`,
    signedOutUrl: `http://127.0.0.1:${port}/signed-out/`,
    async close() {
      hostServer.closeAllConnections();
      await new Promise((resolve) => hostServer.close(resolve));
      await empty.close();
      await server.close();
      await simServer.close();
    },
  };
}
