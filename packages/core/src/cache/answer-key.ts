import type { EpochMs } from '../domain/records';
import type { DataVersion } from '../store/data-version';

/** The clock granularity of cached answers: relative ranges move on by whole minutes. Milliseconds. */
export const ANSWER_CLOCK_MS = 60_000;

/**
 * The instant a cached answer is computed at: `now` rounded up to the minute, so every request in
 * one minute asks the same question (and gets the same bytes and `ETag`) while `24h` still slides,
 * and a record stamped before `now` is never outside a range ending there.
 *
 * @example
 * answerClock(Date.parse('2026-11-20T12:00:30Z')); // Date.parse('2026-11-20T12:01:00Z')
 */
export function answerClock(now: EpochMs): EpochMs {
  return Math.ceil(now / ANSWER_CLOCK_MS) * ANSWER_CLOCK_MS;
}

/**
 * The cache key of one answer: the route, its validated (so normalised: defaults applied,
 * numbers parsed) path and query parameters, the instant it is computed at and the data version.
 *
 * @example
 * answerKey('listSessions', {}, { limit: 50, page: 1 }, at, version);
 */
export function answerKey(
  operationId: string,
  params: unknown,
  query: unknown,
  at: EpochMs,
  version: DataVersion,
): string {
  return `${operationId}\n${stableJson(params)}\n${stableJson(query)}\n${at}\n${version}`;
}

/**
 * A strong entity tag for an answer key: 64 bits of two FNV-1a hashes, quoted. Equal keys give
 * equal tags, on every instance sharing a database.
 *
 * @example
 * entityTag(key); // '"3f2a9c0d17b4e865"'
 */
export function entityTag(key: string): string {
  let low = 0x811c9dc5;
  let high = 0x01000193 ^ key.length;
  for (let index = 0; index < key.length; index++) {
    const code = key.charCodeAt(index);
    low = Math.imul(low ^ code, 0x01000193);
    high = Math.imul(high ^ code, 0x01000193) ^ (low >>> 15);
  }
  return `"${hex(high)}${hex(low)}"`;
}

/**
 * Whether an `If-None-Match` header names `tag` (weak comparison, as RFC 9110 asks for this
 * header: a `W/` prefix is ignored; `*` matches any).
 *
 * @example
 * notModified('"a", W/"b"', '"b"'); // true
 */
export function notModified(header: string | undefined, tag: string): boolean {
  if (header === undefined) return false;
  for (const candidate of header.split(',')) {
    const trimmed = candidate.trim();
    if (trimmed === '*') return true;
    if ((trimmed.startsWith('W/') ? trimmed.slice(2) : trimmed) === tag) return true;
  }
  return false;
}

function hex(value: number): string {
  return (value >>> 0).toString(16).padStart(8, '0');
}

/** JSON with object keys sorted, so two equal queries give one key whatever their key order. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) => {
    if (inner === null || typeof inner !== 'object' || Array.isArray(inner)) return inner;
    const sorted: Record<string, unknown> = {};
    for (const name of Object.keys(inner).sort()) {
      sorted[name] = (inner as Record<string, unknown>)[name];
    }
    return sorted;
  });
}
