/** How one `doctor` check ended. `skip`: an earlier failure makes it meaningless. */
export type CheckOutcome = 'ok' | 'warn' | 'fail' | 'skip';

/** One line of `cupid-dashboard doctor`. Never holds a key. */
export interface CheckResult {
  /** What was checked, e.g. `keys`. */
  name: string;
  outcome: CheckOutcome;
  /** What was found. */
  detail: string;
  /** What to do about a `warn` or `fail`. */
  fix?: string;
}

const LABELS: Record<CheckOutcome, string> = { ok: 'ok', warn: 'warn', fail: 'FAIL', skip: 'skip' };

/**
 * One check as one line: outcome, name, finding and, for a problem, what to do.
 *
 * @example
 * formatCheck({ name: 'keys', outcome: 'fail', detail: 'Langfuse refused the keys (401)', fix: 'copy them again' });
 * // 'FAIL  keys           Langfuse refused the keys (401) -> copy them again'
 */
export function formatCheck(check: CheckResult): string {
  const fix = check.fix && check.outcome !== 'ok' ? ` -> ${check.fix}` : '';
  return `${LABELS[check.outcome].padEnd(4)}  ${check.name.padEnd(13)}  ${check.detail}${fix}`;
}
