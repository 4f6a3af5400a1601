import { createDashboard, type SyncRunResult } from '@cupid-dashboard/core';
import { loadConfig } from '../config';
import { dashboardOptions } from '../dashboard-options';
import { createLogger } from '../logger';
import { openStore } from '../open-store';
import type { Command } from './command';
import { EXIT_CODES, type ExitCode } from './exit-codes';

/** The exit code that says how a run ended (see {@link EXIT_CODES}). */
export function syncExitCode(result: SyncRunResult): ExitCode {
  if (result.status === 'success') return EXIT_CODES.ok;
  if (result.status === 'rate_limited') return EXIT_CODES.rateLimited;
  if (result.error?.code === 'SYNC_LEASE_HELD') return EXIT_CODES.busy;
  if (result.error?.code === 'SYNC_ABORTED') return EXIT_CODES.stopped;
  return EXIT_CODES.failed;
}

/**
 * `cupid-dashboard sync`: one run into the configured database, then exit with a code saying
 * how it ended, for cron. SIGINT/SIGTERM stop the run after its last committed page (exit 5).
 * Safe beside a running `serve` on the same database: the sync lease lets one writer in, and
 * the other exits 4.
 */
export const syncCommand: Command = {
  name: 'sync',
  summary: 'run one sync, then exit with a code saying how it ended (for cron)',
  async run({ env }) {
    const config = loadConfig(env);
    const log = createLogger(config.logLevel);
    const store = await openStore(config);
    const dashboard = createDashboard({ ...dashboardOptions(config, store, log), cache: false });
    const controller = new AbortController();
    const stop = (signal: NodeJS.Signals) => {
      log.warn({ signal }, 'Received signal: stopping after the last committed page');
      controller.abort();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    try {
      // The dashboard has a sync service: it was given Langfuse options.
      const result = await dashboard.sync!.sync({ signal: controller.signal });
      const code = syncExitCode(result);
      if (code === EXIT_CODES.rateLimited) {
        const retryAt = result.retryAt === null ? null : new Date(result.retryAt).toISOString();
        log.warn({ retryAt }, 'Langfuse rate limited the sync; the next run resumes from here');
      } else if (code === EXIT_CODES.busy) {
        log.warn({ holder: result.leaseHeldBy }, 'Another process is syncing; nothing was done');
      }
      return code;
    } finally {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      await dashboard.close();
    }
  },
};
