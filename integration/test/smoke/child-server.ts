import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The reference server's folder: its `src/main.ts` is the entry point under test. */
export const REFERENCE_SERVER_DIR = fileURLToPath(
  new URL('../../../examples/reference-server/', import.meta.url),
);

/** The demo's folder: its `src/main.ts` is what `npm run demo` runs. */
export const DEMO_DIR = fileURLToPath(new URL('../../../examples/demo/', import.meta.url));

/** An example running as a child process, as `npm start` (or `npm run demo`) runs it. */
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
 * Spawns `node --conditions=source --import tsx src/main.ts` with exactly `env` (plus PATH), so
 * no variable of the test runner's environment leaks in.
 *
 * @example
 * const server = spawnReferenceServer({ LANGFUSE_PUBLIC_KEY: 'pk', LANGFUSE_SECRET_KEY: 'sk' });
 * console.log(await server.exited);
 */
export function spawnReferenceServer(env: Record<string, string>): ChildServer {
  return spawnExample(REFERENCE_SERVER_DIR, env);
}

/**
 * Spawns an example's `entry` (default `src/main.ts`, relative to `dir`) from `dir` like
 * {@link spawnReferenceServer}.
 *
 * @example
 * const demo = spawnExample(DEMO_DIR, { DEMO_SESSIONS: 'abc' });
 * console.log(await demo.exited); // 2
 */
export function spawnExample(
  dir: string,
  env: Record<string, string>,
  entry = 'src/main.ts',
): ChildServer {
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', entry], {
    cwd: dir,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
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
