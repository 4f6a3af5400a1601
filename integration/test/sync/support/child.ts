/** Spawns `sync-child.ts` and exposes its output lines. */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import type { SyncRunResult } from '@cupid-dashboard/core';

const script = join(import.meta.dirname, 'sync-child.ts');

export interface SyncChild {
  proc: ChildProcess;
  /** Resolves with the first line matching `test`. */
  line(test: (line: string) => boolean): Promise<string>;
  /** Every `upsert <start> <end>` interval so far. */
  upserts: [number, number][];
  /** Resolves with the run's result when the child prints it. */
  result: Promise<SyncRunResult>;
  go(): void;
}

export function spawnSyncChild(args: {
  url: string;
  path: string;
  apiMode: 'v2' | 'legacy' | 'auto';
  owner: string;
  pageSize?: number;
  wait?: boolean;
}): SyncChild {
  const proc = spawn(
    process.execPath,
    [
      '--conditions=source',
      '--import',
      'tsx',
      script,
      args.url,
      args.path,
      String(args.pageSize ?? 50),
      args.apiMode,
      args.owner,
      args.wait ? 'wait' : '',
    ],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  const lines: string[] = [];
  const waiters: { test: (line: string) => boolean; resolve: (line: string) => void }[] = [];
  const upserts: [number, number][] = [];
  let stderr = '';
  let buffer = '';
  proc.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  proc.stdout?.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    const parts = buffer.split('\n');
    buffer = parts.pop() ?? '';
    for (const line of parts) {
      lines.push(line);
      const upsert = /^upsert (\d+) (\d+)$/.exec(line);
      if (upsert) upserts.push([Number(upsert[1]), Number(upsert[2])]);
      for (const waiter of [...waiters]) {
        if (waiter.test(line)) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve(line);
        }
      }
    }
  });
  const exited = new Promise<never>((_, reject) => {
    proc.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`sync child exited (${code}) early: ${stderr}`));
    });
  });
  exited.catch(() => undefined);
  const line = (test: (line: string) => boolean) => {
    const found = lines.find(test);
    if (found) return Promise.resolve(found);
    return Promise.race([
      new Promise<string>((resolve) => waiters.push({ test, resolve })),
      exited,
    ]);
  };
  const result = line((l) => l.startsWith('done ')).then(
    (l) => JSON.parse(l.slice('done '.length)) as SyncRunResult,
  );
  result.catch(() => undefined);
  return { proc, line, upserts, result, go: () => proc.stdin?.write('go\n') };
}
