import type { TimeRangeWire } from '@cupid-dashboard/core';
import type { PeriodParams } from '../api/endpoints';

/** The named ranges the picker offers (the API's `time_range` values, `custom` aside). */
export const NAMED_RANGES = ['24h', '7d', '30d', 'all'] as const satisfies readonly Exclude<
  TimeRangeWire,
  'custom'
>[];

/** The page's default range when the URL names none. */
export const DEFAULT_RANGE = '7d';

/** The period in the URL (`range`, `from`, `to`), as the API's query parameters. */
export function periodOf(params: URLSearchParams): PeriodParams {
  const from = params.get('from') ?? undefined;
  const to = params.get('to') ?? undefined;
  if (from !== undefined || to !== undefined) return { from, to };
  return { time_range: params.get('range') ?? DEFAULT_RANGE };
}

/** The URL parameters that carry the period from page to page. */
export function periodLinkParams(params: URLSearchParams): Record<string, string | undefined> {
  return {
    range: params.get('range') ?? undefined,
    from: params.get('from') ?? undefined,
    to: params.get('to') ?? undefined,
  };
}
