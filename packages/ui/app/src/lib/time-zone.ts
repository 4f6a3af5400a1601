/**
 * The browser's IANA zone (`Europe/Berlin`), sent as `tz` so the series' days start at the
 * viewer's midnight; undefined when the browser names none, and the server's default (UTC)
 * applies.
 *
 * @example
 * api.dashboard({ time_range: '7d', tz: browserTimeZone() });
 */
export function browserTimeZone(): string | undefined {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || undefined;
  } catch {
    return undefined;
  }
}
