import { existsSync } from 'node:fs';
import { ConfigError, loadConfig } from './config';
import { startServer } from './server';

/**
 * The reference server's entry point: `npm start -w examples/reference-server`.
 * Reads `.env` from the working directory when present (variables already set win, as in the
 * seed), validates the configuration, starts the server and stops it gracefully on
 * SIGINT/SIGTERM. Exit codes: 0 after a clean stop, 1 on a start or shutdown failure, 2 on an
 * invalid configuration.
 */
if (existsSync('.env')) process.loadEnvFile('.env');

let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig(process.env);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(2);
}

const server = await startServer(config).catch((error: unknown) => {
  process.stderr.write(`Could not start: ${error instanceof Error ? error.message : error}\n`);
  process.exit(1);
});

let stopping = false;
const stop = (signal: NodeJS.Signals) => {
  if (stopping) {
    server.logger.warn({ signal }, 'Second signal: exiting without waiting');
    process.exit(1);
  }
  stopping = true;
  server.logger.info({ signal }, 'Received signal');
  server.close().then(
    () => process.exit(0),
    (error: unknown) => {
      server.logger.error({ err: error }, 'Shutdown failed');
      process.exit(1);
    },
  );
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
