/**
 * Compares ids by UTF-16 code units: the order SQL's BINARY collation gives for ASCII ids, and
 * the tie-break every store applies to sorts (sessions, agents, models, errors).
 *
 * @example
 * ['b', 'B', 'a'].sort(compareIds); // ['B', 'a', 'b']
 */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
