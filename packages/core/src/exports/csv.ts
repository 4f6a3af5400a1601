/** A CSV cell: null and undefined are written as an empty field. */
export type CsvValue = string | number | boolean | null | undefined;

const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One field as RFC 4180 writes it: quoted when it holds a comma, a double quote, CR or LF, with
 * each double quote doubled.
 *
 * @example
 * csvField('say "hi", Amor'); // '"say ""hi"", Amor"'
 * csvField(null); // ''
 */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * One CSV record, terminated by CRLF as RFC 4180 asks.
 *
 * @example
 * csvRecord(['id', 'cost']); // 'id,cost\r\n'
 */
export function csvRecord(values: readonly CsvValue[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}
