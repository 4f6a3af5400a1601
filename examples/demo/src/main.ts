import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateCupidDataset } from '@cupid-dashboard/core/dataset';
import { createLangfuseSimulator } from '@cupid-dashboard/langfuse-simulator';
import { ConfigError, type RunningServer, startServer } from '@cupid-dashboard/server';
import { pino } from 'pino';
import { banner } from './banner';
import { type DemoConfig, loadDemoConfig, serverSettings } from './config';
import { createLiveFeed } from './live-feed';
import { prettyDestination } from './pretty';

/**
 * `npm run demo`: a local Langfuse simulator with a realistic Cupid dataset and live traffic, and
 * the dashboard server syncing from it. Settings (all optional): DEMO_SESSIONS (3000),
 * DEMO_SEED (42), PORT (8080, or a free port when taken), SYNC_INTERVAL_SECONDS (10),
 * DATABASE_PATH (a temporary file, deleted on exit), LOG_LEVEL (info). Exit codes: 0 after
 * Ctrl-C, 1 on a start failure or a second Ctrl-C, 2 on an invalid setting (checked before
 * anything starts).
 */
const HOUR_MS = 3_600_000;

let config: DemoConfig;
try {
  config = loadDemoConfig(process.env);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(2);
}
const { sessions, seed } = config;
const log = pino({ level: config.server.logLevel }, prettyDestination());

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
const tempDir = config.temporaryDatabase ? mkdtempSync(join(tmpdir(), 'cupid-demo-')) : null;
const settings = serverSettings(
  config,
  { publicKey: sim.publicKey, secretKey: sim.secretKey, baseUrl: simServer.url },
  tempDir ? join(tempDir, 'demo.db') : null,
);

let server: RunningServer | undefined;
try {
  try {
    server = await startServer(settings, { logger: log });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    log.warn({ port: settings.http.port }, 'Port taken; using a free one');
    server = await startServer(
      { ...settings, http: { ...settings.http, port: 0 } },
      { logger: log },
    );
  }
  process.stdout.write(banner({ api: server.url, simulator: simServer.url, sessions }));
  await firstSignal();
  // A second Ctrl-C does not wait for the graceful stop.
  process.once('SIGINT', () => process.exit(1));
  process.once('SIGTERM', () => process.exit(1));
} finally {
  // Also on a failed start, so neither the simulator nor the temporary database is left behind.
  feed.stop();
  await server?.close();
  await simServer.close();
  if (tempDir) rmSync(tempDir, { recursive: true, force: true });
}
log.info('Demo stopped');
process.exit(0);

/** Resolves on the first SIGINT or SIGTERM. */
function firstSignal(): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      resolve();
    };
    process.on('SIGINT', done);
    process.on('SIGTERM', done);
  });
}
