/** Helpers of the sync benchmark: the simulator child process, RSS sampling, the result table. */
import { type ChildProcess, fork } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = join(here, '..', '..');

export interface SimProcess {
  url: string;
  publicKey: string;
  secretKey: string;
  observations: number;
  scores: number;
  call<T>(type: 'counts' | 'reset' | 'truth' | 'close'): Promise<T>;
  kill(): void;
}

/** Starts `sim-server.ts` in a child process and resolves once it listens. */
export function startSimulator(sessions: number): Promise<SimProcess> {
  const child: ChildProcess = fork(join(here, 'sim-server.ts'), [], {
    execArgv: ['--conditions=source', '--import', 'tsx'],
    env: { ...process.env, SIM_SESSIONS: String(sessions) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let nextId = 1;
  const pending = new Map<number, (body: unknown) => void>();
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the simulator exited with ${code}`)));
    child.on(
      'message',
      (message: { id?: number; body?: unknown; ready?: boolean } & Record<string, unknown>) => {
        if (message.ready) {
          resolve({
            url: message.url as string,
            publicKey: message.publicKey as string,
            secretKey: message.secretKey as string,
            observations: message.observations as number,
            scores: message.scores as number,
            call: <T>(type: string) =>
              new Promise<T>((done) => {
                const id = nextId++;
                pending.set(id, done as (body: unknown) => void);
                child.send({ id, type });
              }),
            kill: () => child.kill('SIGKILL'),
          });
        } else if (message.id !== undefined) {
          pending.get(message.id)?.(message.body);
          pending.delete(message.id);
        }
      },
    );
  });
}

/** Samples this process's RSS every 20 ms; `stop()` returns the peak in bytes. */
export function sampleRss(): { stop(): number } {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 20);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, process.memoryUsage.rss());
    },
  };
}

export interface Row {
  figure: string;
  value: number;
  target: string;
  baseline: number | null;
  baselineLabel: string;
  ratio: number | null;
  pass: boolean | null;
}

/** Prints the table and writes the JSON report to `<repo>/bench-results/<name>.json`. */
export function report(name: string, rows: Row[], context: Record<string, unknown>): void {
  const fmt = (n: number | null) =>
    n === null ? '—' : Number.isInteger(n) ? String(n) : n.toFixed(n < 10 ? 2 : 1);
  const lines = [
    ['figure', 'value', 'target', 'baseline', 'ratio', 'pass'],
    ...rows.map((r) => [
      r.figure,
      fmt(r.value),
      r.target,
      r.baseline === null ? '—' : `${fmt(r.baseline)} (${r.baselineLabel})`,
      r.ratio === null ? '—' : `${r.ratio.toFixed(3)}`,
      r.pass === null ? '—' : r.pass ? 'yes' : 'NO',
    ]),
  ];
  const widths = lines[0]?.map((_, i) => Math.max(...lines.map((l) => (l[i] ?? '').length))) ?? [];
  for (const [index, line] of lines.entries()) {
    console.log(line.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(' | '));
    if (index === 0) console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  }
  const dir = join(repoRoot, 'bench-results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${name}.json`), `${JSON.stringify({ ...context, rows }, null, 2)}\n`);
  console.log(`\nwrote bench-results/${name}.json`);
}
