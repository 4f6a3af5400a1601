import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateCupidDataset } from '@cupid-dashboard/core/dataset';
import { loadConfig } from '@cupid-dashboard/example-reference-server/config';
import { type RunningServer, startServer } from '@cupid-dashboard/example-reference-server/server';
import { createLangfuseSimulator } from '@cupid-dashboard/langfuse-simulator';
import { pino } from 'pino';
import { banner } from './banner';
import { createLiveFeed } from './live-feed';
import { prettyDestination } from './pretty';

/**
 * `npm run demo`: a local Langfuse simulator with a realistic Cupid dataset and live traffic, and
 * the reference server syncing from it. Settings (all optional): DEMO_SESSIONS (3000),
 * DEMO_SEED (42), PORT (8080, or a free port when taken), SYNC_INTERVAL_SECONDS (10),
 * DATABASE_PATH (a temporary file, deleted on exit), LOG_LEVEL (info).
 */
const HOUR_MS = 3_600_000;
const sessions = Number(process.env.DEMO_SESSIONS ?? 3000);
const seed = Number(process.env.DEMO_SEED ?? 42);
const log = pino({ level: process.env.LOG_LEVEL ?? 'info' }, prettyDestination());

// End the history at the last full hour so the 30 days reach up to now.
const end = Math.floor(Date.now() / HOUR_MS) * HOUR_MS;
log.info({ sessions, days: 30 }, 'Generating the Cupid dataset');
const dataset = generateCupidDataset({ seed, sessions, days: 30, end });
const sim = createLangfuseSimulator({ dataset });
const simServer = await sim.listen({ host: '127.0.0.1', port: 0 });
log.info(
  {
    url: simServer.url,
    traces: dataset.traces.length,
    observations: dataset.observations.length,
  },
  'Langfuse simulator listening',
);
const feed = createLiveFeed(sim, { everySeconds: 4, seed: seed * 1000 });
const tempDir = process.env.DATABASE_PATH ? null : mkdtempSync(join(tmpdir(), 'cupid-demo-'));
const env = {
  LANGFUSE_PUBLIC_KEY: sim.publicKey,
  LANGFUSE_SECRET_KEY: sim.secretKey,
  LANGFUSE_BASE_URL: simServer.url,
  DATABASE_PATH: tempDir ? join(tempDir, 'demo.db') : process.env.DATABASE_PATH,
  SYNC_INTERVAL_SECONDS: process.env.SYNC_INTERVAL_SECONDS ?? '10',
  HOST: '127.0.0.1',
  PORT: process.env.PORT ?? '8080',
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
};

let server: RunningServer;
try {
  server = await startServer(loadConfig(env), { logger: log });
} catch (error) {
  if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
  log.warn({ port: env.PORT }, 'Port taken; using a free one');
  server = await startServer(loadConfig({ ...env, PORT: '0' }), { logger: log });
}
process.stdout.write(banner({ api: server.url, simulator: simServer.url, sessions }));

let stopping = false;
const stop = async () => {
  if (stopping) process.exit(1); // a second Ctrl-C does not wait
  stopping = true;
  feed.stop();
  await server.close();
  await simServer.close();
  if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  log.info('Demo stopped');
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
