/**
 * Search text is compared after this normalization: Unicode NFKC (so full-width and composed
 * forms match their plain forms) and `toLowerCase()`. SQL stores keep a normalized copy of the
 * searchable text computed with this function rather than relying on the database's `lower()`,
 * which only folds ASCII in SQLite.
 *
 * @example
 * normalizeSearchText('Ｃｕｐｉｄ ÉTÉ'); // 'cupid été'
 */
export function normalizeSearchText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/**
 * A query as it is matched: normalized, control characters (newlines, tabs, NUL) turned into
 * spaces, and trimmed. Empty means "no search". Because the query holds no control characters,
 * a store may join the fields of a session with `'\n'` and search the joined text.
 *
 * @example
 * normalizeSearchQuery('  Hello\nWorld '); // 'hello world'
 */
export function normalizeSearchQuery(query: string): string {
  let spaced = '';
  for (const char of normalizeSearchText(query)) {
    const code = char.codePointAt(0) ?? 0;
    spaced += code < 0x20 || code === 0x7f ? ' ' : char;
  }
  return spaced.trim();
}

/**
 * Whether a session matches a search: the normalized query is a substring of one of its
 * normalized fields (session id, user id, message contents). Literal text: no wildcards.
 *
 * @example
 * matchesSearch(['session-42', 'alice', 'I love hiking'], 'HIKING'); // true
 * matchesSearch(['session-42'], "%' OR 1=1 --"); // false
 */
export function matchesSearch(fields: ReadonlyArray<string | null>, query: string): boolean {
  const needle = normalizeSearchQuery(query);
  if (needle === '') return true;
  return fields.some((field) => field !== null && normalizeSearchText(field).includes(needle));
}
