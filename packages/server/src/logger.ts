import type { LangfuseLogger, RouteLogger, SyncLogger, SyncProgress } from '@cupid-dashboard/core';
import { type Logger, pino } from 'pino';
import type { ServerConfig } from './config';

/**
 * The server's JSON logger (one object per line on stdout). Pipe it through `pino-pretty` for
 * reading by eye. Keys cannot reach it: the client and sync service never pass them on.
 *
 * @example
 * const log = createLogger('info');
 * log.info({ port: 8080 }, 'Listening');
 */
export function createLogger(level: ServerConfig['logLevel']): Logger {
  return pino({ level, base: { service: 'cupid-dashboard' } });
}

/** The sync service's and the Langfuse client's `(message, context)` calls, as pino calls. */
export function coreLogger(log: Logger): SyncLogger & LangfuseLogger & RouteLogger {
  return {
    debug: (message, context) => log.debug(context ?? {}, message),
    info: (message, context) => log.info(context ?? {}, message),
    warn: (message, context) => log.warn(context ?? {}, message),
    // Routes pass the error itself; the sync service a context object like the other levels.
    error: (message, details) =>
      log.error(isContext(details) ? details : { err: details }, message),
  };
}

const isContext = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !(value instanceof Error);

/**
 * Logs sync progress without flooding: a line when the phase changes, else at most one every
 * `everyMs` (a first sync can commit hundreds of pages).
 *
 * @param everyMs minimum milliseconds between two lines of the same phase. Default 2000.
 * @example
 * sync.onProgress(progressLogger(log));
 */
export function progressLogger(log: Logger, everyMs = 2000): (progress: SyncProgress) => void {
  let lastPhase = '';
  let lastAt = 0;
  return (progress) => {
    const now = Date.now();
    if (progress.phase === lastPhase && now - lastAt < everyMs) return;
    lastPhase = progress.phase;
    lastAt = now;
    log.info(
      { phase: progress.phase, pages: progress.pages, records: progress.records },
      'Sync progress',
    );
  };
}
