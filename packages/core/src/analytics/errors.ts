import { DashboardError } from '../errors/index';

/** Stable codes of {@link AnalyticsError}. */
export type AnalyticsErrorCode =
  /** A query is well-formed but cannot be answered as asked (e.g. `to` before `from`). */
  'ANALYTICS_INVALID_QUERY';

/**
 * A query the analytics service refuses, naming the offending field (snake_case, as on the wire).
 * Routes answer it with 422.
 *
 * @example
 * try { await analytics.getAgentCharts('Mortal', { from, to, bucket: 'hour' }); }
 * catch (error) { if (isDashboardError(error, 'ANALYTICS_INVALID_QUERY')) console.log(error.message); }
 */
export class AnalyticsError extends DashboardError {
  declare readonly code: AnalyticsErrorCode;
  /** The query field at fault, e.g. `'to'` or `'bucket'`. */
  readonly field: string;

  constructor(field: string, message: string) {
    super('ANALYTICS_INVALID_QUERY', message);
    this.field = field;
  }

  protected override details(): Record<string, unknown> {
    return { field: this.field };
  }
}
