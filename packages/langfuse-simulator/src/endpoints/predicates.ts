/**
 * Builds one predicate from optional checks; null when no check applies, so callers can take the
 * fast path that needs no scan.
 */
export function allOf<T>(checks: Array<((item: T) => boolean) | false | undefined>) {
  const active = checks.filter((check): check is (item: T) => boolean => Boolean(check));
  if (active.length === 0) return null;
  return (item: T) => active.every((check) => check(item));
}
