import type {
  DashboardOptions,
  DashboardStore,
  LangfuseClientOptions,
} from '@cupid-dashboard/core';
import type { Logger } from 'pino';
import type { ServerConfig } from './config';
import { coreLogger, progressLogger } from './logger';

/**
 * The Langfuse client options of `config`, logging into `log`. The keys go to the client only;
 * it never logs them.
 *
 * @example
 * const client = createLangfuseClient({ ...langfuseOptions(config, log), maxRetries: 0 });
 */
export function langfuseOptions(config: ServerConfig, log: Logger): LangfuseClientOptions {
  return {
    publicKey: config.langfuse.publicKey,
    secretKey: config.langfuse.secretKey,
    baseUrl: config.langfuse.baseUrl,
    requestsPerMinute: config.langfuse.requestsPerMinute,
    logger: coreLogger(log),
  };
}

/**
 * The `createDashboard` options `serve` and `sync` share: the store, the client, the sync
 * settings and progress lines in `log`. No scheduler: `serve` adds one, `sync` runs once.
 *
 * @example
 * const dashboard = createDashboard({ ...dashboardOptions(config, store, log), schedule: { intervalSeconds: 300 } });
 */
export function dashboardOptions(
  config: ServerConfig,
  store: DashboardStore,
  log: Logger,
): DashboardOptions {
  return {
    store,
    langfuse: langfuseOptions(config, log),
    syncOptions: {
      apiMode: config.langfuse.apiMode,
      lookbackMs: config.sync.lookbackMinutes * 60_000,
      startFrom: config.sync.startFrom,
      leaseTtlMs: config.sync.leaseTtlSeconds * 1000,
      logger: coreLogger(log),
      onProgress: progressLogger(log),
    },
  };
}
