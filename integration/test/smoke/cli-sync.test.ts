import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { generateCupidDataset } from '@cupid-dashboard/core/dataset';
import { createLangfuseSimulator } from '@cupid-dashboard/langfuse-simulator';
import { createSqliteStore } from '@cupid-dashboard/sqlite-store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnCli, waitFor } from './child-server';

// `cupid-dashboard sync` as cron runs it: a child process, real HTTP to the simulator, a real
// SQLite file; the exit code says how the run ended (packages/server/src/cli/exit-codes.ts).
const DAY_MS = 86_400_000;
const end = Math.floor((Date.now() - DAY_MS) / 3_600_000) * 3_600_000;
const dataset = generateCupidDataset({ seed: 5, sessions: 30, days: 20, end });
const sim = createLangfuseSimulator({ dataset });
let simServer: { url: string; close(): Promise<void> };
const dir = mkdtempSync(join(tmpdir(), 'cupid-cli-sync-'));
let n = 0;

/** The environment of a run against the simulator, with a database of its own. */
function envFor(extra: Record<string, string> = {}): Record<string, string> {
  n += 1;
  return {
    LANGFUSE_PUBLIC_KEY: sim.publicKey,
    LANGFUSE_SECRET_KEY: sim.secretKey,
    LANGFUSE_BASE_URL: simServer.url,
    DATABASE_PATH: join(dir, `run-${n}`, 'cupid.db'),
    ...extra,
  };
}

type LogLine = { level: number; msg: string; [key: string]: unknown };
const logOf = (lines: string[]) => lines.map((line) => JSON.parse(line) as LogLine);
// pino's numeric levels.
const WARN = 40;
const ERROR = 50;

beforeAll(async () => {
  simServer = await sim.listen();
});

afterAll(async () => {
  await simServer?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('cupid-dashboard sync', () => {
  it('exits 0 after a successful run that wrote every record', async () => {
    const env = envFor();
    const run = spawnCli(['sync'], env);
    expect(await run.exited).toBe(0);
    const outcome = logOf(run.lines).find((line) => line.msg === 'Sync success');
    expect(outcome).toBeDefined();
    const store = await createSqliteStore({ path: env.DATABASE_PATH! });
    try {
      const state = await store.getSyncState();
      expect(state.status).toBe('success');
      expect(state.lastRun?.counts.observations).toBe(dataset.observations.length);
    } finally {
      await store.close();
    }
    expect(run.lines.join('\n')).not.toContain(sim.secretKey);
  });

  it('exits 1 and logs at error when Langfuse refuses the keys', async () => {
    const run = spawnCli(['sync'], envFor({ LANGFUSE_SECRET_KEY: 'sk-lf-wrong-secret' }));
    expect(await run.exited).toBe(1);
    const outcome = logOf(run.lines).find((line) => line.msg === 'Sync error');
    expect(outcome?.level).toBe(ERROR);
    expect(outcome?.error).toMatchObject({ code: 'LANGFUSE_AUTH' });
    expect(run.lines.join('\n')).not.toContain('sk-lf-wrong-secret');
  });

  it('exits 2 on an invalid configuration, naming the variable', async () => {
    const run = spawnCli(['sync'], envFor({ SYNC_LOOKBACK_MINUTES: 'a while' }));
    expect(await run.exited).toBe(2);
    expect(run.stderr()).toContain('SYNC_LOOKBACK_MINUTES must be an integer');
  });

  it('exits 3 and logs when to retry when Langfuse asks for a long wait', async () => {
    sim.faults.inject({ kind: 'rate_limit', count: 1, retryAfterSeconds: 3600 });
    try {
      const run = spawnCli(['sync'], envFor());
      expect(await run.exited).toBe(3);
      const log = logOf(run.lines);
      expect(log.find((line) => line.msg === 'Sync rate_limited')?.level).toBe(WARN);
      const retry = log.find((line) => typeof line.retryAt === 'string');
      expect(Date.parse(retry?.retryAt as string)).toBeGreaterThan(Date.now() + 3_000_000);
    } finally {
      sim.faults.clear();
    }
  });

  it('exits 4 and writes nothing while another process holds the sync lease', async () => {
    const env = envFor();
    mkdirSync(dirname(env.DATABASE_PATH!), { recursive: true });
    const store = await createSqliteStore({ path: env.DATABASE_PATH! });
    try {
      expect(await store.acquireLease('a running server', 600_000, Date.now())).toBe(true);
      const run = spawnCli(['sync'], env);
      expect(await run.exited).toBe(4);
      expect((await store.getSyncState()).lastRun).toBeNull();
    } finally {
      await store.close();
    }
  });

  it('exits 5 on SIGTERM mid-run and keeps the checkpoint for the next run', async () => {
    // Slow legacy pages of 100 rows keep the run going for seconds.
    const slow = createLangfuseSimulator({ dataset, latencyMs: 250 });
    const slowServer = await slow.listen();
    const env: Record<string, string> = {
      ...envFor(),
      LANGFUSE_BASE_URL: slowServer.url,
      LANGFUSE_API_MODE: 'legacy',
    };
    try {
      const run = spawnCli(['sync'], env);
      await waitFor('two committed pages', () =>
        logOf(run.lines).some((line) => line.msg === 'Sync progress' && Number(line.pages) >= 2)
          ? true
          : undefined,
      );
      run.child.kill('SIGTERM');
      expect(await run.exited).toBe(5);
      const stopped = logOf(run.lines).find((line) => line.msg === 'Sync error');
      expect(stopped).toMatchObject({ level: WARN, error: { code: 'SYNC_ABORTED' } });
    } finally {
      await slowServer.close();
    }
    const store = await createSqliteStore({ path: env.DATABASE_PATH! });
    try {
      expect((await store.getSyncState()).checkpoint).not.toBeNull();
      expect(await store.getLease()).toBeNull();
    } finally {
      await store.close();
    }
  });
});
