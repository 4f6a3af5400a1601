import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The server package's folder: `src/cli/main.ts` is the `cupid-dashboard` bin under test. */
export const SERVER_DIR = fileURLToPath(new URL('../../../packages/server/', import.meta.url));

/** The demo's folder: its `src/main.ts` is what `npm run demo` runs. */
export const DEMO_DIR = fileURLToPath(new URL('../../../examples/demo/', import.meta.url));

/** A CLI command or an example running as a child process. */
export interface ChildServer {
  readonly child: ChildProcess;
  /** stdout lines so far (pino JSON). */
  readonly lines: string[];
  /** stderr text so far. */
  stderr(): string;
  /** Resolves with the exit code (null when killed by a signal). */
  readonly exited: Promise<number | null>;
}

/**
 * Spawns `cupid-dashboard <args>` from the server's sources (`node --conditions=source --import
 * tsx src/cli/main.ts`) with exactly `env` (plus PATH), so no variable of the test runner's
 * environment leaks in.
 *
 * @example
 * const sync = spawnCli(['sync'], { LANGFUSE_PUBLIC_KEY: 'pk', LANGFUSE_SECRET_KEY: 'sk' });
 * console.log(await sync.exited); // 1: nothing answers at the default base URL here
 */
export function spawnCli(args: string[], env: Record<string, string>): ChildServer {
  return spawnExample(SERVER_DIR, env, 'src/cli/main.ts', args);
}

/**
 * Spawns an example's `entry` (default `src/main.ts`, relative to `dir`) from `dir` like
 * {@link spawnCli}, with `args` after it.
 *
 * @example
 * const demo = spawnExample(DEMO_DIR, { DEMO_SESSIONS: 'abc' });
 * console.log(await demo.exited); // 2
 */
export function spawnExample(
  dir: string,
  env: Record<string, string>,
  entry = 'src/main.ts',
  args: string[] = [],
): ChildServer {
  const child = spawn(
    process.execPath,
    ['--conditions=source', '--import', 'tsx', entry, ...args],
    {
      cwd: dir,
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const lines: string[] = [];
  let pending = '';
  let errText = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    pending += chunk;
    const parts = pending.split('\n');
    pending = parts.pop() ?? '';
    lines.push(...parts);
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    errText += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { child, lines, stderr: () => errText, exited };
}

/**
 * The port of a `serve` child, from its `Cupid dashboard listening` log line; throws with its
 * stderr when it exits first.
 */
export function listeningPort(server: ChildServer, timeoutMs = 30_000): Promise<number> {
  return waitFor(
    'the listening log line',
    () => {
      if (server.child.exitCode !== null) throw new Error(`server exited: ${server.stderr()}`);
      for (const line of server.lines) {
        const entry = JSON.parse(line) as { msg?: string; port?: number };
        if (entry.msg === 'Cupid dashboard listening') return entry.port;
      }
      return undefined;
    },
    timeoutMs,
  );
}

/** Polls `check` every `everyMs` until it returns a value, or throws after `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  check: () => T | undefined | Promise<T | undefined>,
  timeoutMs = 20_000,
  everyMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
