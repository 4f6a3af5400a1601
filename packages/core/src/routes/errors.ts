import { DashboardError } from '../errors/index';

/** One invalid input field: its wire name and what is wrong with it. */
export interface FieldError {
  field: string;
  message: string;
}

/** Stable codes of {@link RouteError}. */
export type RouteErrorCode =
  /** Input failed validation (422). */
  | 'VALIDATION_ERROR'
  /** The session or agent does not exist (404). */
  | 'NOT_FOUND'
  /** The dashboard is mounted read-only and the route changes state (403). */
  | 'READ_ONLY'
  /** The dashboard has no sync service to trigger (409). */
  | 'SYNC_NOT_CONFIGURED'
  /** The request carries no valid credentials (401); adapters raise it from their auth hook. */
  | 'UNAUTHORIZED';

/**
 * An error a route throws to answer with a 4xx; `handleRoute` maps its `code` to the status.
 *
 * @example
 * throw new RouteError('NOT_FOUND', `Session not found: ${id}`);
 */
export class RouteError extends DashboardError {
  declare readonly code: RouteErrorCode;
  /** Set for `VALIDATION_ERROR`. */
  readonly errors: FieldError[];

  constructor(code: RouteErrorCode, message: string, errors: FieldError[] = []) {
    super(code, message);
    this.errors = errors;
  }

  protected override details(): Record<string, unknown> {
    return this.errors.length > 0 ? { errors: this.errors } : {};
  }
}
