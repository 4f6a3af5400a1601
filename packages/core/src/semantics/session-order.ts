import type { SortOrder } from '../store/common';
import type { SessionCursor } from '../store/session-scan';
import { compareIds } from './ids';

/**
 * How every store orders sessions: by the sort value in `order` (null below every value, numbers
 * numerically, strings by UTF-16 code units), ties by id ascending whatever the order. A negative
 * result puts `a` first.
 *
 * @example
 * compareSessionPositions({ value: null, id: 'b' }, { value: 3, id: 'a' }, 'asc'); // < 0
 * compareSessionPositions({ value: 3, id: 'b' }, { value: 3, id: 'a' }, 'desc'); // > 0
 */
export function compareSessionPositions(
  a: SessionCursor,
  b: SessionCursor,
  order: SortOrder,
): number {
  const primary = compareNullable(a.value, b.value);
  if (primary !== 0) return order === 'asc' ? primary : -primary;
  return compareIds(a.id, b.id);
}

function compareNullable(a: string | number | null, b: string | number | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? -1 : 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return compareIds(String(a), String(b));
}
