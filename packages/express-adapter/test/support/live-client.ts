import { EventSource } from 'eventsource';

/** One received event: its name, id (the stream's last event id) and parsed JSON data. */
export interface Received {
  event: string;
  id: string;
  data: Record<string, unknown>;
}

const NAMES = ['ready', 'sync', 'progress', 'data', 'heartbeat', 'closing'];

/**
 * A real EventSource client (the `eventsource` package, WHATWG semantics) on `url`, sending the
 * API key as a Bearer token through its fetch hook and, when given, a `Last-Event-ID` for its
 * first connection. `next(name)` waits for the next event of that name not yet taken.
 */
export function liveClient(url: string, options: { key?: string; lastEventId?: string } = {}) {
  const received: Received[] = [];
  let taken = 0;
  const waiters = new Set<() => void>();
  const source = new EventSource(url, {
    fetch: (input, init) => {
      const headers: Record<string, string> = { ...init.headers };
      if (options.key) headers.authorization = `Bearer ${options.key}`;
      if (options.lastEventId && received.length === 0)
        headers['last-event-id'] = options.lastEventId;
      return fetch(input, { ...init, headers });
    },
  });
  for (const name of NAMES) {
    source.addEventListener(name, (message) => {
      received.push({ event: name, id: message.lastEventId, data: JSON.parse(message.data) });
      for (const wake of waiters) wake();
    });
  }
  const errors: { code?: number; message?: string }[] = [];
  source.addEventListener('error', (error) => {
    errors.push({ code: error.code, message: error.message });
    for (const wake of waiters) wake();
  });
  return {
    source,
    received,
    errors,
    /** Resolves with the next `name` event after the ones already taken by `next`. */
    async next(name: string, where: (event: Received) => boolean = () => true): Promise<Received> {
      for (;;) {
        const index = received.findIndex((e, i) => i >= taken && e.event === name && where(e));
        if (index >= 0) {
          taken = index + 1;
          return received[index] as Received;
        }
        await new Promise<void>((resolve) => {
          const wake = () => {
            waiters.delete(wake);
            resolve();
          };
          waiters.add(wake);
        });
      }
    },
    /** Resolves at the first error event (e.g. a refused connection) with its status. */
    async failure(): Promise<{ code?: number; message?: string }> {
      while (errors.length === 0) {
        await new Promise<void>((resolve) => waiters.add(() => resolve()));
      }
      return errors[0] as { code?: number };
    },
    close: () => source.close(),
  };
}
