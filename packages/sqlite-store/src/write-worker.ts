/**
 * The entry point of a store's write thread (started by `spawn-write-worker.ts`). Lives at the root of
 * `src` so that it sits beside the bundle in `dist` too, at the same relative path.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { hostWriter } from './write-thread/host';
import type { WriterThreadData } from './write-thread/protocol';

if (parentPort) void hostWriter(parentPort, workerData as WriterThreadData);
