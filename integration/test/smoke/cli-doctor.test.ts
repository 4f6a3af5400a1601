import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLangfuseSimulator } from '@cupid-dashboard/langfuse-simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnCli } from './child-server';

// `cupid-dashboard doctor` against simulators that are healthy, refuse the keys, lack an API
// generation or throttle: one line per check, what to do on failure, exit 1 on any failure.
const both = createLangfuseSimulator({});
const legacyOnly = createLangfuseSimulator({ generations: { v2: false } });
type Listening = { url: string; close(): Promise<void> };
let bothServer: Listening;
let legacyServer: Listening;
const dir = mkdtempSync(join(tmpdir(), 'cupid-cli-doctor-'));

beforeAll(async () => {
  bothServer = await both.listen();
  legacyServer = await legacyOnly.listen();
});

afterAll(async () => {
  await bothServer?.close();
  await legacyServer?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function doctor(env: Record<string, string>) {
  const run = spawnCli(['doctor'], {
    LANGFUSE_PUBLIC_KEY: both.publicKey,
    LANGFUSE_SECRET_KEY: both.secretKey,
    LANGFUSE_BASE_URL: bothServer.url,
    DATABASE_PATH: join(dir, 'cupid.db'),
    ...env,
  });
  const code = await run.exited;
  const line = (name: string) => run.lines.find((l) => l.slice(6).startsWith(`${name} `)) ?? '';
  return { code, lines: run.lines, line, text: run.lines.join('\n') + run.stderr() };
}

describe('cupid-dashboard doctor', () => {
  it('passes every check against a healthy server, printing no key', async () => {
    const result = await doctor({});
    expect(result.code).toBe(0);
    expect(result.lines.map((l) => l.slice(0, 6).trim())).toEqual([
      'ok',
      'ok',
      'ok',
      'ok',
      'ok',
      'ok',
    ]);
    expect(result.line('base URL')).toContain(`${bothServer.url} answers (Langfuse 4.0.0)`);
    expect(result.line('keys')).toContain('accepted for project Cupid (simulator)');
    expect(result.line('API')).toContain('v2 observations and the legacy endpoints');
    expect(result.line('rate limit')).toContain('no rate-limit headers');
    expect(result.line('database')).toContain(join(dir, 'cupid.db'));
    expect(result.text).not.toContain(both.secretKey);
    expect(result.text).not.toContain(both.publicKey);
  });

  it('fails the keys check with what to do, and skips what depends on it', async () => {
    const result = await doctor({ LANGFUSE_SECRET_KEY: 'sk-lf-not-this-one' });
    expect(result.code).toBe(1);
    expect(result.line('keys')).toMatch(/^FAIL {2}keys .*refused.* -> copy both keys/);
    expect(result.line('API')).toMatch(/^skip/);
    expect(result.line('database')).toMatch(/^ok/);
    expect(result.text).not.toContain('sk-lf-not-this-one');
  });

  it('fails the base URL check when nothing answers there', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const result = await doctor({ LANGFUSE_BASE_URL: `http://127.0.0.1:${port}` });
    expect(result.code).toBe(1);
    expect(result.line('base URL')).toMatch(
      /^FAIL .*LANGFUSE_NETWORK.* -> check LANGFUSE_BASE_URL/,
    );
    expect(result.line('keys')).toMatch(/^skip/);
  });

  it('reports a legacy-only server, and fails when LANGFUSE_API_MODE asks for v2', async () => {
    const keys = { LANGFUSE_BASE_URL: legacyServer.url };
    const auto = await doctor(keys);
    expect(auto.code).toBe(0);
    expect(auto.line('API')).toContain('the legacy endpoints only');
    expect(auto.line('API')).toContain('the sync reads legacy');
    const forced = await doctor({ ...keys, LANGFUSE_API_MODE: 'v2' });
    expect(forced.code).toBe(1);
    expect(forced.line('API')).toMatch(
      /^FAIL .*LANGFUSE_API_MODE=v2.* -> set LANGFUSE_API_MODE=auto/,
    );
  });

  it('warns with the wait when Langfuse is rate limiting the keys', async () => {
    both.faults.inject({
      kind: 'rate_limit',
      count: 1,
      retryAfterSeconds: 42,
      path: '/api/public/v2/observations',
    });
    try {
      const result = await doctor({ LANGFUSE_REQUESTS_PER_MINUTE: '20' });
      expect(result.code).toBe(0);
      expect(result.line('rate limit')).toMatch(
        /^warn .*429 on \/api\/public\/v2\/observations, retry after 42 s.*paces at 20 requests a minute -> set LANGFUSE_REQUESTS_PER_MINUTE/,
      );
    } finally {
      both.faults.clear();
    }
  });

  it('fails the database check when the path cannot be created', async () => {
    const file = join(dir, 'a-file');
    writeFileSync(file, 'not a folder');
    const result = await doctor({ DATABASE_PATH: join(file, 'cupid.db') });
    expect(result.code).toBe(1);
    expect(result.line('database')).toMatch(/^FAIL .*cannot open SQLite .* -> set DATABASE_PATH/);
  });

  it('fails the configuration check by variable name, and skips the rest', async () => {
    const result = await doctor({ LANGFUSE_PUBLIC_KEY: '' });
    expect(result.code).toBe(1);
    expect(result.lines[0]).toMatch(/^FAIL {2}configuration +LANGFUSE_PUBLIC_KEY is required/);
    expect(result.lines.slice(1).every((l) => l.startsWith('skip'))).toBe(true);
  });
});
