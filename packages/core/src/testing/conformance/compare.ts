import { withinPercentileTolerance } from '../../semantics/percentiles';
import { withinScoreTolerance } from '../../semantics/score-sketch';

/** Keys whose values are percentiles: compared with the sketch tolerance, not exactly. */
const PERCENTILE_KEYS = new Set([
  'p50Ms',
  'p95Ms',
  'p99Ms',
  'latencyP50Ms',
  'latencyP95Ms',
  'p95LatencyMs',
]);

/** Keys whose values are score percentiles: compared with the score sketch's tolerance. */
const SCORE_PERCENTILE_KEYS = new Set(['p50', 'p95']);

/** Relative tolerance of sums and means of non-integers (summation order differs across stores). */
export const FLOAT_RELATIVE_TOLERANCE = 1e-9;

/**
 * The differences between a store's answer and the reference answer, as `path: detail` lines.
 * Integers compare exactly; other numbers within {@link FLOAT_RELATIVE_TOLERANCE}; values under a
 * percentile key within the percentile tolerance (score percentiles `p50`/`p95` within the score
 * sketch's, and histogram bar edges `from`/`to` likewise); everything else deeply and exactly (array
 * order included).
 *
 * @example
 * differences({ cost: 0.30000000000000004, p95Ms: 1005 }, { cost: 0.3, p95Ms: 1000 }); // []
 */
export function differences(
  actual: unknown,
  expected: unknown,
  path = '$',
  out: string[] = [],
): string[] {
  if (out.length >= 20) return out;
  const key = path.slice(path.lastIndexOf('.') + 1);
  if (typeof expected === 'number' || typeof actual === 'number') {
    const tolerance = PERCENTILE_KEYS.has(key)
      ? 'latency'
      : SCORE_PERCENTILE_KEYS.has(key) ||
          (path.includes('.histogram[') && (key === 'from' || key === 'to'))
        ? 'score'
        : 'exact';
    if (!numbersAgree(actual, expected, tolerance)) {
      out.push(`${path}: expected ${String(expected)}, got ${String(actual)}`);
    }
    return out;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) out.push(`${path}: expected an array, got ${describe(actual)}`);
    else if (actual.length !== expected.length) {
      out.push(`${path}: expected ${expected.length} items, got ${actual.length}`);
    } else {
      for (const [i, item] of expected.entries())
        differences(actual[i], item, `${path}[${i}]`, out);
    }
    return out;
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) {
      out.push(`${path}: expected an object, got ${describe(actual)}`);
      return out;
    }
    const keys = new Set([...Object.keys(expected), ...Object.keys(actual)]);
    for (const k of keys) {
      differences(
        (actual as Record<string, unknown>)[k],
        (expected as Record<string, unknown>)[k],
        `${path}.${k}`,
        out,
      );
    }
    return out;
  }
  if (actual !== expected)
    out.push(`${path}: expected ${describe(expected)}, got ${describe(actual)}`);
  return out;
}

function numbersAgree(
  actual: unknown,
  expected: unknown,
  tolerance: 'latency' | 'score' | 'exact',
): boolean {
  if (typeof actual !== 'number' || typeof expected !== 'number') {
    return tolerance !== 'exact' && actual === null && expected === null;
  }
  if (tolerance === 'latency') return withinPercentileTolerance(actual, expected);
  if (tolerance === 'score') return withinScoreTolerance(actual, expected);
  if (Number.isInteger(actual) && Number.isInteger(expected)) return actual === expected;
  return (
    Math.abs(actual - expected) <= FLOAT_RELATIVE_TOLERANCE * Math.max(Math.abs(expected), 1e-3)
  );
}

function describe(value: unknown): string {
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

/**
 * Throws an `Error` listing the differences when a store's answer differs from the reference.
 *
 * @example
 * assertSameAnswer('listAgents({})', await store.listAgents(), await reference.listAgents());
 */
export function assertSameAnswer(label: string, actual: unknown, expected: unknown): void {
  const found = differences(actual, expected);
  if (found.length > 0) {
    throw new Error(`${label} differs from the reference store:\n  ${found.join('\n  ')}`);
  }
}
