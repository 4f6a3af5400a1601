/** One Server-Sent Event as written to the wire. */
export interface SseFrame {
  /** The event's name (`event:` field); clients listen for it by name. */
  event: string;
  /** Serialized as one line of JSON (`data:` field). */
  data: unknown;
  /** The `id:` field: what a reconnecting client sends back as `Last-Event-ID`. None: unchanged. */
  id?: string;
}

/**
 * Encodes an event in the `text/event-stream` format. The data is one line of JSON, so it never
 * needs splitting over several `data:` lines.
 *
 * @example
 * sseFrame({ event: 'data', id: 'k3-7', data: { version: '12' } });
 * // 'id: k3-7\nevent: data\ndata: {"version":"12"}\n\n'
 */
export function sseFrame(frame: SseFrame): string {
  const id = frame.id === undefined ? '' : `id: ${frame.id}\n`;
  return `${id}event: ${frame.event}\ndata: ${JSON.stringify(frame.data)}\n\n`;
}

/**
 * The stream's opening: how long a client waits before reconnecting (`retry:`, milliseconds),
 * and a comment that makes proxies and browsers see bytes at once.
 *
 * @example
 * sseOpening(3000); // 'retry: 3000\n: live events\n\n'
 */
export function sseOpening(retryMs: number): string {
  return `retry: ${retryMs}\n: live events\n\n`;
}
