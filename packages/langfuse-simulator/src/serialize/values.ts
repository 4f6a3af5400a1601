/** ISO-8601 UTC text of an epoch-ms time, or null. */
export function isoOrNull(ms: number | null | undefined): string | null {
  return ms === null || ms === undefined ? null : new Date(ms).toISOString();
}

/** Seconds between two epoch-ms times, or null when either is missing. */
export function secondsBetween(from: number | null, to: number | null): number | null {
  return from === null || to === null ? null : (to - from) / 1000;
}

/**
 * A number as plain decimal text, never in exponent form, the way Langfuse serializes prices
 * (`Decimal` columns).
 *
 * @example
 * toDecimalString(1.5e-7); // '0.00000015'
 */
export function toDecimalString(value: number): string {
  // 12 significant digits hides binary floating-point noise such as 0.30000000000000004.
  const [mantissa = '0', exponentText] = value.toPrecision(12).split('e');
  const trimmed = mantissa.includes('.') ? mantissa.replace(/\.?0+$/, '') : mantissa;
  if (exponentText === undefined) return trimmed;
  const exponent = Number(exponentText);
  const negative = trimmed.startsWith('-');
  const [whole = '', fraction = ''] = trimmed.replace('-', '').split('.');
  const digits = whole + fraction;
  const point = whole.length + exponent;
  let text: string;
  if (point <= 0) text = `0.${'0'.repeat(-point)}${digits}`;
  else if (point >= digits.length) text = digits + '0'.repeat(point - digits.length);
  else text = `${digits.slice(0, point)}.${digits.slice(point)}`;
  return negative ? `-${text}` : text;
}

/** Unit price in USD: the cost of a usage key divided by its units, or null without both. */
export function unitPrice(
  costDetails: Record<string, number>,
  usageDetails: Record<string, number>,
  key: string,
): number | null {
  const cost = costDetails[key];
  const units = usageDetails[key];
  return cost === undefined || units === undefined || units <= 0 ? null : cost / units;
}

/** The internal id Langfuse would have matched for a model name (stable, so clients can join). */
export function internalModelId(model: string | null): string | null {
  return model === null ? null : `sim-model-${model}`;
}
