import type { Worker } from 'node:worker_threads';
import { spawnWriteWorker } from '../spawn-write-worker';
import {
  errorFromShape,
  type WriterMessage,
  type WriterRequest,
  type WriterThreadData,
} from './protocol';
import type { StoreWriter, WriterMethod } from './store-writer';

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };

/**
 * Starts a worker thread that owns the write connection and resolves once it has opened and
 * migrated the file. Calls are posted to it and answered in order; the batch is copied over
 * (structured clone), which costs far less than the transaction it spares the caller's thread.
 *
 * The thread keeps the process alive only while a call is in flight, like a socket with a
 * request pending. If it dies, every pending and later call fails (the store reports
 * `STORE_UNAVAILABLE`); what it had committed stays committed, an unfinished transaction is
 * rolled back by SQLite.
 *
 * @param spawn starts the thread; tests pass one whose thread misbehaves
 */
export async function startThreadWriter(
  data: WriterThreadData,
  spawn: (data: WriterThreadData) => Worker = spawnWriteWorker,
): Promise<StoreWriter> {
  const worker = spawn(data);
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let stopped: Error | null = null;

  const stop = (error: Error) => {
    stopped ??= error;
    for (const call of pending.values()) call.reject(stopped);
    pending.clear();
    worker.unref();
  };

  await started(worker).catch(async (error: unknown) => {
    await worker.terminate();
    throw error;
  });

  worker.on('message', (message: WriterMessage) => {
    if (message.kind !== 'reply' && message.kind !== 'error') return;
    const call = pending.get(message.id);
    if (!call) return;
    pending.delete(message.id);
    if (pending.size === 0) worker.unref();
    if (message.kind === 'reply') call.resolve(message.value);
    else call.reject(errorFromShape(message.error));
  });
  worker.on('error', (error) => stop(new Error('The write thread failed', { cause: error })));
  worker.on('exit', (code) => stop(new Error(`The write thread exited (code ${code})`)));
  worker.unref();

  const call = <T>(method: WriterRequest['method'], args: unknown[]): Promise<T> => {
    if (stopped) return Promise.reject(stopped);
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      worker.ref();
      worker.postMessage({ id, method, args } satisfies WriterRequest);
    });
  };
  const method =
    <M extends WriterMethod>(name: M) =>
    (...args: Parameters<StoreWriter[M]>) =>
      call<Awaited<ReturnType<StoreWriter[M]>>>(name, args);

  return {
    upsert: method('upsert'),
    rebuild: method('rebuild'),
    saveSyncState: method('saveSyncState'),
    acquireLease: method('acquireLease'),
    renewLease: method('renewLease'),
    releaseLease: method('releaseLease'),
    async close() {
      if (stopped) return;
      try {
        await call('close', []);
      } finally {
        stop(new Error('The write thread is closed'));
        await worker.terminate();
      }
    },
  };
}

/** Resolves once the thread has opened the file; rejects with why it could not. */
function started(worker: Worker): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const settle = (error: Error | null) => {
      worker.off('message', onMessage).off('error', settle).off('exit', onExit);
      if (error) reject(error);
      else resolve();
    };
    const onMessage = (message: WriterMessage) => {
      if (message.kind === 'ready') settle(null);
      else if (message.kind === 'failed') settle(errorFromShape(message.error));
    };
    const onExit = (code: number) => settle(new Error(`The write thread exited (code ${code})`));
    worker.on('message', onMessage).on('error', settle).on('exit', onExit);
  });
}
