/**
 * The Cupid dashboard as a service. Most users run the `cupid-dashboard` bin
 * (`npx @cupid-dashboard/server serve`); these exports start the same server from code.
 *
 * @example
 * import { loadConfig, startServer } from '@cupid-dashboard/server';
 * const server = await startServer(loadConfig({ ...process.env, PORT: '0' }));
 * console.log(server.url);
 * await server.close();
 */
export { EXIT_CODES, type ExitCode } from './cli/exit-codes';
export {
  CONFIG_VARIABLES,
  ConfigError,
  integerVariable,
  loadConfig,
  type ServerConfig,
} from './config';
export { dashboardOptions, langfuseOptions } from './dashboard-options';
export { isExposedAndOpen } from './exposure';
export { coreLogger, createLogger, progressLogger } from './logger';
export { describeStore, openStore, redactUrl } from './open-store';
export { type RunningServer, type StartServerOptions, startServer } from './server';
