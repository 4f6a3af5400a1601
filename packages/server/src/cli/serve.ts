import { loadConfig } from '../config';
import { startServer } from '../server';
import type { Command } from './command';
import { EXIT_CODES, type ExitCode } from './exit-codes';

/**
 * `cupid-dashboard serve`: the server until SIGINT/SIGTERM, then a graceful stop (the running
 * sync stops after its last committed page). A second signal exits 1 at once.
 */
export const serveCommand: Command = {
  name: 'serve',
  summary: 'sync from Langfuse on an interval and serve the web UI and REST API',
  async run({ env }) {
    const config = loadConfig(env);
    const server = await startServer(config).catch((error: unknown) => {
      process.stderr.write(`Could not start: ${error instanceof Error ? error.message : error}\n`);
      return null;
    });
    if (server === null) return EXIT_CODES.failed;
    return new Promise<ExitCode>((resolve) => {
      let stopping = false;
      const stop = (signal: NodeJS.Signals) => {
        if (stopping) {
          server.logger.warn({ signal }, 'Second signal: exiting without waiting');
          process.exit(EXIT_CODES.failed);
        }
        stopping = true;
        server.logger.info({ signal }, 'Received signal');
        server.close().then(
          () => resolve(EXIT_CODES.ok),
          (error: unknown) => {
            server.logger.error({ err: error }, 'Shutdown failed');
            resolve(EXIT_CODES.failed);
          },
        );
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
  },
};
