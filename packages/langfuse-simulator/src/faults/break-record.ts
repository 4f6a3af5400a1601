import type { JsonObject } from '../serialize/legacy';

const TIME_FIELDS = ['startTime', 'timestamp', 'createdAt'] as const;

/**
 * Serves a record broken in one of two ways a client must survive: `mode` 0 drops the id,
 * mode 1 replaces the record's main time with text that is not a date.
 */
export function breakRecord(row: JsonObject, mode: 0 | 1): JsonObject {
  const copy: JsonObject = { ...row };
  if (mode === 0) {
    delete copy.id;
    return copy;
  }
  const field = TIME_FIELDS.find((name) => name in copy) ?? 'startTime';
  copy[field] = 'not-a-date';
  return copy;
}
