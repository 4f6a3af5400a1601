import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateCupidDataset } from '@cupid-dashboard/core/dataset';
import { createLangfuseSimulator } from '@cupid-dashboard/langfuse-simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnCli } from './child-server';

// `cupid-dashboard status` reads the database a `sync` wrote, without the keys or a server.
const end = Math.floor((Date.now() - 86_400_000) / 3_600_000) * 3_600_000;
const dataset = generateCupidDataset({ seed: 9, sessions: 20, days: 10, end });
const sim = createLangfuseSimulator({ dataset });
const dir = mkdtempSync(join(tmpdir(), 'cupid-cli-status-'));
const DATABASE_PATH = join(dir, 'cupid.db');

beforeAll(async () => {
  const simServer = await sim.listen();
  try {
    const sync = spawnCli(['sync'], {
      LANGFUSE_PUBLIC_KEY: sim.publicKey,
      LANGFUSE_SECRET_KEY: sim.secretKey,
      LANGFUSE_BASE_URL: simServer.url,
      DATABASE_PATH,
    });
    expect(await sync.exited).toBe(0);
  } finally {
    await simServer.close();
  }
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('cupid-dashboard status', () => {
  it('prints the last run for a person, without the keys set', async () => {
    const status = spawnCli(['status'], { DATABASE_PATH });
    expect(await status.exited).toBe(0);
    expect(status.lines[0]).toBe('status:       success');
    const lastRun = status.lines.find((line) => line.startsWith('last run:'));
    expect(lastRun).toContain(`${dataset.observations.length} observations`);
    expect(status.lines.find((line) => line.startsWith('api:'))).toBe('api:          v2');
  });

  it('prints with --json what GET /api/sync/status answers', async () => {
    const status = spawnCli(['status', '--json'], { DATABASE_PATH });
    expect(await status.exited).toBe(0);
    expect(status.lines).toHaveLength(1);
    const body = JSON.parse(status.lines[0]!);
    expect(body).toMatchObject({ configured: true, status: 'success', running: false });
    expect(body.last_run.counts.observations).toBe(dataset.observations.length);
    expect(Date.parse(body.last_success_at)).toBeGreaterThan(Date.now() - 600_000);
  });

  it('exits 1 and says what to do when there is no database yet', async () => {
    const missing = join(dir, 'nowhere', 'cupid.db');
    const status = spawnCli(['status'], { DATABASE_PATH: missing });
    expect(await status.exited).toBe(1);
    expect(status.stderr()).toContain(`No database at ${missing} yet`);
  });

  it('refuses --json on a command without it, and unknown options, with exit 2', async () => {
    const sync = spawnCli(['sync', '--json'], { DATABASE_PATH });
    expect(await sync.exited).toBe(2);
    expect(sync.stderr()).toContain('--json does not apply to sync');
    const unknown = spawnCli(['status', '--verbose'], { DATABASE_PATH });
    expect(await unknown.exited).toBe(2);
    expect(unknown.stderr()).toContain("Unknown option '--verbose'");
  });
});
