import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createDashboard, type Dashboard, type DashboardStore } from '@cupid-dashboard/core';
import { dashboardRouter } from '@cupid-dashboard/express';
import express, { type RequestHandler } from 'express';
import type { Logger } from 'pino';
import type { ServerConfig } from './config';
import { dashboardOptions } from './dashboard-options';
import { isExposedAndOpen } from './exposure';
import { coreLogger, createLogger } from './logger';
import { describeStore, openStore } from './open-store';

/** A started dashboard server. */
export interface RunningServer {
  /** e.g. `http://127.0.0.1:8080` (a wildcard host is shown as 127.0.0.1). */
  readonly url: string;
  /** The bound port (useful with `PORT=0`). */
  readonly port: number;
  readonly dashboard: Dashboard;
  readonly logger: Logger;
  /**
   * Graceful stop, idempotent: stops accepting requests, stops the scheduler and any running sync
   * after its last committed page (the next start resumes from the checkpoint), then closes the
   * database.
   */
  close(): Promise<void>;
}

/** Injection points for tests and embedders. */
export interface StartServerOptions {
  /** Default: a pino logger at `config.logLevel`. */
  logger?: Logger;
  /** Default: {@link openStore} (SQLite at `config.databasePath`). */
  createStore?: (config: ServerConfig) => Promise<DashboardStore>;
}

/**
 * Starts the dashboard backend: opens (and migrates) the SQLite database, starts the sync
 * scheduler against Langfuse, and serves the web UI and the REST routes at `/` on `config.http`.
 *
 * @example
 * const server = await startServer(loadConfig(process.env));
 * console.log(`${server.url}/api/sessions`);
 * process.once('SIGTERM', () => void server.close());
 */
export async function startServer(
  config: ServerConfig,
  options: StartServerOptions = {},
): Promise<RunningServer> {
  const log = options.logger ?? createLogger(config.logLevel);
  const store = await (options.createStore ?? openStore)(config);
  const dashboard = createDashboard({
    ...dashboardOptions(config, store, log),
    schedule: { intervalSeconds: config.sync.intervalSeconds, runOnStart: config.sync.onStart },
  });

  const app = express();
  app.disable('x-powered-by');
  if (config.http.trustProxy !== undefined) app.set('trust proxy', config.http.trustProxy);
  app.use(requestLogger(log));
  app.use(
    dashboardRouter(dashboard, {
      cors: config.http.corsOrigins.length > 0 ? { origins: config.http.corsOrigins } : undefined,
      apiKeys: config.http.apiKeys.length > 0 ? config.http.apiKeys : undefined,
      readOnly: config.http.readOnly,
      rateLimit:
        config.http.rateLimitPerMinute > 0
          ? { limit: config.http.rateLimitPerMinute, windowMs: 60_000 }
          : undefined,
      logger: coreLogger(log),
      ui: true,
      docs: true,
      metrics: true,
    }),
  );
  app.use((_req, res) => {
    res.status(404).json({ detail: 'Not found', code: 'NOT_FOUND' });
  });

  let server: Server;
  try {
    server = await listen(app, config.http.host, config.http.port);
  } catch (error) {
    await dashboard.close();
    throw error;
  }
  const port = (server.address() as AddressInfo).port;
  const host = ['0.0.0.0', '::', ''].includes(config.http.host) ? '127.0.0.1' : config.http.host;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  log.info(
    {
      url,
      port,
      langfuse: config.langfuse.baseUrl,
      apiMode: config.langfuse.apiMode,
      database: describeStore(config),
      syncIntervalSeconds: config.sync.intervalSeconds,
      corsOrigins: config.http.corsOrigins,
      apiKeys: config.http.apiKeys.length,
      readOnly: config.http.readOnly,
      rateLimitPerMinute: config.http.rateLimitPerMinute,
    },
    'Cupid dashboard listening',
  );
  if (isExposedAndOpen(config)) {
    log.warn(
      { host: config.http.host },
      'Listening beyond this machine with no DASHBOARD_API_KEYS and a writable sync trigger: anyone who can reach the port can read the data and start syncs',
    );
  }

  let closing: Promise<void> | null = null;
  return {
    url,
    port,
    dashboard,
    logger: log,
    close() {
      closing ??= shutdown(server, dashboard, log);
      return closing;
    },
  };
}

function listen(app: express.Express, host: string, port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host);
    server.once('listening', () => resolve(server));
    server.once('error', reject);
  });
}

async function shutdown(server: Server, dashboard: Dashboard, log: Logger): Promise<void> {
  log.info('Shutting down: closing the HTTP server and stopping the sync');
  const httpClosed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  // Stops any sync, a triggered one too, after its last committed page (checkpoint saved).
  await dashboard.close();
  // Requests still in flight had the time the sync took to stop; cut the rest.
  server.closeAllConnections();
  await httpClosed;
  log.info('Shut down cleanly');
}

/** One debug line per request: method, path, status, milliseconds. */
function requestLogger(log: Logger): RequestHandler {
  return (req, res, next) => {
    const started = performance.now();
    res.once('finish', () => {
      log.debug(
        {
          method: req.method,
          path: req.originalUrl,
          status: res.statusCode,
          ms: Math.round(performance.now() - started),
        },
        'Request',
      );
    });
    next();
  };
}
