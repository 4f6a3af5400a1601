import { EventSource } from 'eventsource';
import { useEffect, useState } from 'preact/hooks';
import { storedApiKey } from '../api/key';

/**
 * A sync commits page by page, each a `data` event; a refresh waits this long (ms) after the
 * first of them and covers all that came meanwhile, so a long sync refreshes the page about once
 * a second rather than once per page.
 */
const SETTLE_MS = 1000;

let epoch = 0;
const listeners = new Set<(next: number) => void>();

function bump() {
  epoch += 1;
  for (const listener of listeners) listener(epoch);
}

/**
 * Subscribes to the dashboard's live events (`api/events`, relative to the page like every call)
 * and bumps the data epoch {@link useDataEpoch} returns whenever the data version moves: a `data`
 * event, or a reconnect whose `ready` names another version than the last one seen. Returns a
 * function that closes the stream.
 *
 * A browser's own `EventSource` cannot send headers, and a mount with API keys needs
 * `Authorization: Bearer`; the `eventsource` package reads the same stream with `fetch`, whose
 * headers we set, and keeps `EventSource`'s reconnect and `Last-Event-ID` behaviour. The key is
 * read at each (re)connection, so a key entered later is used by the next one. A refused
 * connection (401 before a key is entered, 404 when the host turned events off) is not retried;
 * the app connects again once a key has been entered.
 */
export function connectLive(): () => void {
  let version: string | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const seen = (next: unknown) => {
    if (typeof next !== 'string' || next === version) return;
    const first = version === null;
    version = next;
    if (first || timer !== undefined) return;
    timer = setTimeout(() => {
      timer = undefined;
      bump();
    }, SETTLE_MS);
  };
  const source = new EventSource('api/events', {
    fetch: (url, init) => {
      const key = storedApiKey();
      const headers =
        key === null ? init.headers : { ...init.headers, Authorization: `Bearer ${key}` };
      return fetch(url, { ...init, headers });
    },
  });
  const read = (event: MessageEvent) =>
    seen((JSON.parse(event.data) as { data_version?: unknown }).data_version);
  source.addEventListener('ready', read);
  source.addEventListener('data', read);
  return () => {
    clearTimeout(timer);
    source.close();
  };
}

/** A counter that grows whenever the dashboard's data changed; data hooks reload on it. */
export function useDataEpoch(): number {
  const [current, setCurrent] = useState(epoch);
  useEffect(() => {
    listeners.add(setCurrent);
    setCurrent(epoch);
    return () => void listeners.delete(setCurrent);
  }, []);
  return current;
}
