import { type ResolvedPage, resolvePage, StoreError, type TimeRange } from '@cupid-dashboard/core';

/** Checks a time range: bounds must be finite numbers when present. */
export function checkRange(range: TimeRange | undefined): TimeRange | undefined {
  for (const bound of [range?.from, range?.to]) {
    if (bound !== undefined && !Number.isFinite(bound)) {
      throw new StoreError('STORE_INVALID_QUERY', 'A time range bound is not a finite number');
    }
  }
  return range;
}

/** Applies page defaults (page 1, limit 50) or throws `STORE_INVALID_QUERY`. */
export function checkPage(params: { page?: number; limit?: number }): ResolvedPage {
  const page = resolvePage(params);
  if (!page) {
    throw new StoreError('STORE_INVALID_QUERY', 'page must be an integer ≥ 1 and limit 1 to 200');
  }
  return page;
}

/** Checks an integer option within bounds, applying its default. */
export function checkInteger(
  name: string,
  value: number | undefined,
  fallback: number,
  min: number,
  max: number,
): number {
  const resolved = value ?? fallback;
  if (!Number.isSafeInteger(resolved) || resolved < min || resolved > max) {
    throw new StoreError('STORE_INVALID_QUERY', `${name} must be an integer from ${min} to ${max}`);
  }
  return resolved;
}

/** Checks an optional value is one of `allowed`, applying its default. */
export function checkOneOf<T extends string>(
  name: string,
  value: T | undefined,
  allowed: readonly T[],
  fallback: T,
): T {
  const resolved = value ?? fallback;
  if (!allowed.includes(resolved)) {
    throw new StoreError('STORE_INVALID_QUERY', `${name} must be one of ${allowed.join(', ')}`);
  }
  return resolved;
}
