import type { DestinationStream } from 'pino';

const LEVELS: Record<number, string> = {
  10: 'trace',
  20: 'debug',
  30: 'info ',
  40: 'warn ',
  50: 'error',
  60: 'fatal',
};
const SKIP = new Set(['level', 'time', 'msg', 'pid', 'hostname', 'service']);

/**
 * A pino destination that prints each JSON line as `12:00:01 info  Sync success records=…`, so
 * the demo's terminal stays readable. The dashboard server itself logs JSON for log shippers.
 *
 * @example
 * const log = pino({ level: 'info' }, prettyDestination());
 */
export function prettyDestination(out: NodeJS.WritableStream = process.stdout): DestinationStream {
  return {
    write(line: string) {
      let entry: Record<string, unknown>;
      try {
        entry = JSON.parse(line) as Record<string, unknown>;
      } catch {
        out.write(line);
        return;
      }
      const time = new Date(Number(entry.time)).toISOString().slice(11, 19);
      const level = LEVELS[Number(entry.level)] ?? String(entry.level);
      const fields = Object.entries(entry)
        .filter(([key]) => !SKIP.has(key))
        .map(
          ([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`,
        );
      out.write(`${time} ${level} ${String(entry.msg ?? '')} ${fields.join(' ')}\n`);
    },
  };
}
