/**
 * One client's queue of encoded events, read as an async iterator by the adapter that writes the
 * response. `close()` ends it after the queued chunks; the reader's `return()` (how a client that
 * disconnects leaves) ends it at once, even during a pending read. A reader that falls `maxQueued`
 * chunks behind is dropped, so one stuck client cannot hold unbounded memory.
 *
 * @example
 * const channel = new EventChannel(() => clients.delete(channel), 1000);
 * channel.push('event: ping\ndata: {}\n\n');
 * for await (const chunk of channel) res.write(chunk);
 */
export class EventChannel implements AsyncIterableIterator<string> {
  private readonly queue: string[] = [];
  private waiting: ((result: IteratorResult<string>) => void) | null = null;
  private closed = false;

  constructor(
    private readonly onClose: () => void,
    private readonly maxQueued: number,
  ) {}

  /** Queues a chunk; ignored once closed. */
  push(chunk: string): void {
    if (this.closed) return;
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = null;
      resolve({ done: false, value: chunk });
    } else if (this.queue.length >= this.maxQueued) {
      this.queue.length = 0;
      this.close();
    } else this.queue.push(chunk);
  }

  /** Ends the stream once the reader has taken what is queued (e.g. a farewell event). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.waiting?.({ done: true, value: undefined });
    this.waiting = null;
    this.onClose();
  }

  get isClosed(): boolean {
    return this.closed;
  }

  next(): Promise<IteratorResult<string>> {
    const chunk = this.queue.shift();
    if (chunk !== undefined) return Promise.resolve({ done: false, value: chunk });
    if (this.closed) return Promise.resolve({ done: true, value: undefined });
    return new Promise((resolve) => {
      this.waiting = resolve;
    });
  }

  return(): Promise<IteratorResult<string>> {
    this.queue.length = 0;
    this.close();
    return Promise.resolve({ done: true, value: undefined });
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<string> {
    return this;
  }
}
