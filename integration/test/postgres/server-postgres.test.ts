import { createLangfuseSimulator } from '@cupid-dashboard/langfuse-simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startTestPostgres,
  type TestPostgres,
} from '../../../packages/postgres-store/test/support/embedded-postgres';
import { type ChildServer, listeningPort, spawnCli, waitFor } from '../smoke/child-server';

// `cupid-dashboard serve` and `doctor` with DATABASE_URL: the PostgreSQL store is chosen, /health
// names it, answers 503 while PostgreSQL is stopped and 200 again once it is back, with no
// restart; the connection string's password is never printed. A PostgreSQL of this file's own,
// since the test stops it.
const simulator = createLangfuseSimulator({});
let langfuse: { url: string; close(): Promise<void> };
let postgres: TestPostgres;
const children: ChildServer[] = [];

beforeAll(async () => {
  langfuse = await simulator.listen();
  postgres = await startTestPostgres();
}, 180_000);

afterAll(async () => {
  for (const child of children) if (child.child.exitCode === null) child.child.kill('SIGKILL');
  await postgres?.dispose();
  await langfuse?.close();
}, 120_000);

function cli(args: string[], env: Record<string, string> = {}): ChildServer {
  const child = spawnCli(args, {
    LANGFUSE_PUBLIC_KEY: simulator.publicKey,
    LANGFUSE_SECRET_KEY: simulator.secretKey,
    LANGFUSE_BASE_URL: langfuse.url,
    DATABASE_URL: postgres.url,
    SYNC_ON_START: 'false',
    PORT: '0',
    ...env,
  });
  children.push(child);
  return child;
}

async function health(port: number): Promise<{ status: number; body: HealthBody }> {
  const response = await fetch(`http://127.0.0.1:${port}/health`);
  return { status: response.status, body: (await response.json()) as HealthBody };
}
type HealthBody = { status: string; database: { status: string; engine: string | null } };

describe('the server on PostgreSQL', () => {
  it('serves from PostgreSQL, 503 while it is down, recovering by itself', async () => {
    const serve = cli(['serve']);
    const port = await listeningPort(serve, 120_000);
    expect(await health(port)).toMatchObject({
      status: 200,
      body: { status: 'ok', database: { status: 'ok', engine: 'postgresql' } },
    });

    await postgres.stop();
    const down = await waitFor(
      '503 from /health',
      async () => {
        const answer = await health(port);
        return answer.status === 503 ? answer : undefined;
      },
      120_000,
      250,
    );
    expect(down.body).toMatchObject({
      status: 'unavailable',
      database: { status: 'unavailable', engine: 'postgresql' },
    });

    await postgres.start();
    const up = await waitFor(
      '200 from /health again',
      async () => {
        const answer = await health(port);
        return answer.status === 200 ? answer : undefined;
      },
      120_000,
      250,
    );
    expect(up.body.database).toEqual({ status: 'ok', engine: 'postgresql' });
    expect(serve.child.exitCode).toBeNull();

    serve.child.kill('SIGTERM');
    expect(await serve.exited).toBe(0);
    const printed = serve.lines.join('\n') + serve.stderr();
    expect(printed).toContain(`PostgreSQL postgres://postgres@127.0.0.1:${postgres.port}/postgres`);
    expect(printed).not.toContain(postgres.url);
    expect(printed).not.toContain(':postgres@');
  }, 600_000);

  it('doctor opens the PostgreSQL database, and names a refusal without the password', async () => {
    const ok = cli(['doctor']);
    expect(await ok.exited).toBe(0);
    const okLine = ok.lines.find((line) => line.slice(6).startsWith('database ')) ?? '';
    expect(okLine).toMatch(
      /^ok +database +PostgreSQL postgres:\/\/postgres@127\.0\.0\.1:\d+\/postgres \(pool 10\) opens; never synced$/,
    );

    const secret = 'not-the-password-9f3a';
    const refused = cli(['doctor'], {
      DATABASE_URL: `postgres://postgres:${secret}@127.0.0.1:${postgres.port}/postgres`,
    });
    expect(await refused.exited).toBe(1);
    const line = refused.lines.find((l) => l.slice(6).startsWith('database ')) ?? '';
    expect(line).toMatch(/^FAIL +database +cannot open PostgreSQL postgres:\/\/postgres@127/);
    expect(line).toContain('password authentication failed');
    expect(line).toContain('check that PostgreSQL runs and accepts DATABASE_URL');
    expect(refused.lines.join('\n') + refused.stderr()).not.toContain(secret);
  }, 300_000);
});
