import { existsSync } from 'node:fs';
import { type SyncStatusWire, syncStatusToWire } from '@cupid-dashboard/core';
import { openStore } from '../open-store';
import type { Command } from './command';
import { loadStoreConfig } from './environment';
import { EXIT_CODES } from './exit-codes';

/**
 * `cupid-dashboard status`: the sync state in the configured database, read directly (no server
 * or Langfuse call; the keys are not needed). `--json` prints it as `GET /api/sync/status`
 * answers it. Exit 0 when it was read, 1 when there is no database yet or it cannot be opened.
 */
export const statusCommand: Command = {
  name: 'status',
  summary: 'show the sync state stored in the database (no Langfuse call)',
  json: true,
  async run({ env, json, print }) {
    const config = loadStoreConfig(env);
    const sqliteFile = config.databaseUrl === undefined && config.databasePath !== ':memory:';
    if (sqliteFile && !existsSync(config.databasePath)) {
      process.stderr.write(
        `No database at ${config.databasePath} yet: run cupid-dashboard sync or serve first, or set DATABASE_PATH\n`,
      );
      return EXIT_CODES.failed;
    }
    const store = await openStore(config);
    try {
      const lease = await store.getLease();
      const running = lease !== null && lease.expiresAt > Date.now();
      const wire = syncStatusToWire(await store.getSyncState(), running, true);
      if (json) print(JSON.stringify(wire));
      else for (const line of describeStatus(wire)) print(line);
      return EXIT_CODES.ok;
    } finally {
      await store.close();
    }
  },
};

/** The status as lines for a person: the state, the last run, the data's age. */
export function describeStatus(status: SyncStatusWire): string[] {
  const run = status.last_run;
  const lines = [`status:       ${status.status}${status.running ? ' (a sync is running)' : ''}`];
  lines.push(`data as of:   ${status.last_success_at ?? 'never synced'}`);
  lines.push(`watermark:    ${status.watermark ?? '-'}`);
  lines.push(`api:          ${status.api_mode ?? 'not chosen yet'}`);
  if (run) {
    const counts = Object.entries(run.counts)
      .map(([kind, count]) => `${count} ${kind}`)
      .join(', ');
    const seconds =
      run.duration_ms === null ? 'running' : `${(run.duration_ms / 1000).toFixed(1)} s`;
    lines.push(`last run:     ${run.status} at ${run.started_at}, ${seconds}, ${counts}`);
    if (run.error) lines.push(`last error:   ${run.error.code}: ${run.error.message}`);
  }
  if (status.progress) {
    const { phase, pages, records } = status.progress;
    lines.push(`progress:     ${phase}, ${pages} pages, ${records} records`);
  }
  return lines;
}
