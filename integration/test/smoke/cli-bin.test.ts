import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLangfuseSimulator } from '@cupid-dashboard/langfuse-simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChildServer, listeningPort, SERVER_DIR } from './child-server';

// The built bin (`dist/cli.js`, what npx runs) with nothing but a `.env` in an empty working
// directory: no TypeScript loader, no source condition, the packages' builds only.
const BIN = join(SERVER_DIR, 'dist', 'cli.js');
const sim = createLangfuseSimulator({});
let simServer: { url: string; close(): Promise<void> };
const dir = mkdtempSync(join(tmpdir(), 'cupid-cli-bin-'));

function runBin(args: string[]): ChildServer {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: dir,
    env: { PATH: process.env.PATH ?? '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    lines.push(...chunk.split('\n').filter((line) => line !== ''));
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    err += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { child, lines, stderr: () => err, exited };
}

beforeAll(async () => {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run npm run build first`);
  simServer = await sim.listen();
  writeFileSync(
    join(dir, '.env'),
    [
      `LANGFUSE_PUBLIC_KEY=${sim.publicKey}`,
      `LANGFUSE_SECRET_KEY=${sim.secretKey}`,
      `LANGFUSE_BASE_URL=${simServer.url}`,
      'PORT=0',
    ].join('\n'),
  );
});

afterAll(async () => {
  await simServer?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the built cupid-dashboard bin', () => {
  it('serves the UI and the API from a .env alone, with the database under ./data', async () => {
    const server = runBin(['serve']);
    try {
      const base = `http://127.0.0.1:${await listeningPort(server)}`;
      const page = await fetch(`${base}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('cupid-dashboard-options');
      const health = await fetch(`${base}/health`);
      expect(await health.json()).toMatchObject({ status: 'ok' });
      expect(existsSync(join(dir, 'data', 'cupid.db'))).toBe(true);
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
    } finally {
      if (server.child.exitCode === null) server.child.kill('SIGKILL');
    }
  });

  it('prints its help and version, and exits 2 on an unknown command', async () => {
    const help = runBin(['--help']);
    expect(await help.exited).toBe(0);
    expect(help.lines[0]).toBe('Usage: cupid-dashboard <command> [options]');
    const version = runBin(['--version']);
    expect(await version.exited).toBe(0);
    expect(version.lines[0]).toMatch(/^\d+\.\d+\.\d+/);
    const unknown = runBin(['start']);
    expect(await unknown.exited).toBe(2);
    expect(unknown.stderr()).toContain("Unknown command 'start'");
  });
});
