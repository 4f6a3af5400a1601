import type { MessagePort } from 'node:worker_threads';
import { openWriteConnection } from '../db/open';
import { createInlineWriter } from './inline-writer';
import {
  errorShape,
  type WriterMessage,
  type WriterRequest,
  type WriterThreadData,
} from './protocol';
import type { StoreWriter } from './store-writer';

/**
 * The write thread's side: opens and migrates the file, then answers calls one at a time, in the
 * order they arrive (SQLite has one writer anyway, and the order is what callers rely on).
 */
export async function hostWriter(port: MessagePort, data: WriterThreadData): Promise<void> {
  const send = (message: WriterMessage) => port.postMessage(message);
  let writer: StoreWriter;
  try {
    const connection = await openWriteConnection({ path: data.path }, data.busyTimeoutMs);
    writer = createInlineWriter(connection.db, data.preset, connection.close);
  } catch (error) {
    send({ kind: 'failed', error: errorShape(error) });
    return;
  }

  let queue = Promise.resolve();
  port.on('message', (request: WriterRequest) => {
    queue = queue.then(async () => {
      try {
        const value = await call(writer, request);
        send({ kind: 'reply', id: request.id, value });
      } catch (error) {
        send({ kind: 'error', id: request.id, error: errorShape(error) });
      }
      if (request.method === 'close') port.close();
    });
  });
  send({ kind: 'ready' });
}

function call(writer: StoreWriter, { method, args }: WriterRequest): Promise<unknown> {
  const invoke = writer[method] as (...input: unknown[]) => Promise<unknown>;
  return invoke(...args);
}
