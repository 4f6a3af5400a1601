/**
 * Event ids are `<stream>-<seq>`: `stream` names this process's stream (a restarted server has
 * another), `seq` counts its events from 1. A `Last-Event-ID` of another stream, or older than the
 * replay buffer, cannot be resumed.
 *
 * @example
 * parseEventId('m3k9x2-17', 'm3k9x2'); // 17
 * parseEventId('other-17', 'm3k9x2'); // null
 */
export function parseEventId(id: string | undefined, stream: string): number | null {
  if (id === undefined) return null;
  const match = /^([a-z0-9]+)-(\d{1,15})$/.exec(id.trim());
  if (match === null || match[1] !== stream) return null;
  return Number(match[2]);
}

/** The id of event `seq` of `stream`. */
export function eventId(stream: string, seq: number): string {
  return `${stream}-${seq}`;
}
