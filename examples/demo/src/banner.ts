/**
 * What the demo prints once both servers are up: where to look and what to type.
 *
 * @example
 * console.log(banner({ api: 'http://127.0.0.1:8080', simulator: 'http://127.0.0.1:40123', sessions: 3000 }));
 */
export function banner(urls: { api: string; simulator: string; sessions: number }): string {
  const { api, simulator } = urls;
  return [
    '',
    'Cupid dashboard demo is running',
    '',
    `  Dashboard          ${api}/`,
    `  Dashboard API      ${api}/api/sessions`,
    `  OpenAPI document   ${api}/api/openapi.json`,
    `  Health             ${api}/health`,
    `  Langfuse simulator ${simulator}/api/public/health (keys pk-lf-simulator / sk-lf-simulator)`,
    '',
    `The simulator holds ${urls.sessions.toLocaleString('en')} sessions over the last 30 days; a new player`,
    'starts a game every few seconds. The first sync takes under a minute. Open the dashboard, or try:',
    '',
    `  curl -s '${api}/api/sync/status'`,
    `  curl -s '${api}/api/sessions?time_range=24h&limit=5'`,
    `  curl -s '${api}/api/sessions/stats?time_range=7d'`,
    `  curl -s '${api}/api/agents'`,
    `  curl -s '${api}/api/metrics/dashboard?time_range=30d'`,
    `  curl -s -X POST '${api}/api/sync/trigger'`,
    '',
    'Press Ctrl-C to stop.',
    '',
  ].join('\n');
}
