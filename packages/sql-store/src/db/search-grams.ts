/**
 * The distinct one- and two-character strings (by code point) of some texts: what lets a store
 * answer a search of one or two characters, which trigram indexes cannot, from an index of
 * these grams per session. A text holds a needle of one or two characters exactly when its grams
 * hold it. A pair never spans two texts or a line break, and no gram holds a line break: a
 * normalized query never does. Sorted by code unit, so the same text always gives the same list.
 *
 * @example
 * shortSearchGrams(['abc', 'a\nd']); // ['a', 'ab', 'b', 'bc', 'c', 'd']
 */
export function shortSearchGrams(texts: readonly string[]): string[] {
  const grams = new Set<string>();
  for (const text of texts) {
    let previous = '';
    for (const char of text) {
      if (char === '\n') {
        previous = '';
        continue;
      }
      grams.add(char);
      if (previous !== '') grams.add(previous + char);
      previous = char;
    }
  }
  return [...grams].sort();
}
