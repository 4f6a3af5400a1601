import type { ServerConfig } from './config';

/**
 * True when the server is reachable from other machines (a non-loopback `HOST`), has no
 * `DASHBOARD_API_KEYS` and allows `POST /api/sync/trigger`: anyone on the network can then read
 * the data and start syncs. The server logs a warning at start in that case; it does not refuse,
 * since a private network or a proxy in front may make it fine.
 *
 * @example
 * isExposedAndOpen(loadConfig({ ...keys, HOST: '0.0.0.0' })); // true
 * isExposedAndOpen(loadConfig({ ...keys, HOST: '0.0.0.0', DASHBOARD_READ_ONLY: 'true' })); // false
 */
export function isExposedAndOpen(config: ServerConfig): boolean {
  const { host, apiKeys, readOnly } = config.http;
  const loopback = host === 'localhost' || host === '::1' || /^127\./.test(host);
  return !loopback && apiKeys.length === 0 && !readOnly;
}
