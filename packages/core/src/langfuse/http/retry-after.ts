/**
 * Parses a `Retry-After` header into milliseconds from `nowMs`: either delta-seconds (`"120"`) or
 * an HTTP date (`"Wed, 21 Oct 2026 07:28:00 GMT"`). A date in the past gives 0. Anything else
 * (absent, negative, garbage) gives `undefined`, so the caller falls back to its backoff.
 *
 * @example
 * parseRetryAfter('3', 0); // 3000
 * parseRetryAfter('Thu, 01 Jan 1970 00:00:10 GMT', 4000); // 6000
 */
export function parseRetryAfter(
  value: string | null | undefined,
  nowMs: number,
): number | undefined {
  if (value === null || value === undefined) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  // Only a real HTTP date, not any string Date.parse happens to accept (e.g. "-1" or "5 min").
  if (!/^[A-Za-z]{3}, \d{2} [A-Za-z]{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/.test(trimmed))
    return undefined;
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - nowMs);
}
