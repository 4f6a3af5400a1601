import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * Starts the write thread's entry point: `write-worker.js` (or `.cjs`) beside the bundle in
 * `dist`, found at the same relative path as from this file in `src`. Running from sources (the
 * `source` export condition, as this repository's tests and demo do), the entry is
 * `write-worker.ts`: Node cannot load TypeScript in a worker by itself, and loader flags in a
 * worker's `execArgv` are ignored on Node 20, so a small bootstrap registers `tsx` first.
 */
export function spawnWriteWorker(workerData: unknown): Worker {
  const extension = extname(fileURLToPath(import.meta.url));
  const entry = new URL(`./write-worker${extension}`, import.meta.url);
  if (extension !== '.ts') return new Worker(entry, { workerData });
  const bootstrap = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); });`;
  return new Worker(bootstrap, {
    eval: true,
    workerData,
    // Only the condition: the parent's own flags may include ones a worker refuses (--expose-gc).
    execArgv: ['--conditions=source'],
  });
}
