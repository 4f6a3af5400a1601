/**
 * The brand every {@link DashboardError} carries. A registered symbol (`Symbol.for`), so every
 * copy of this package (two installed versions, the ESM and the CJS build in one process) shares
 * it, where `instanceof` only knows its own copy's class.
 */
const BRAND: unique symbol = Symbol.for('cupid-dashboard.error') as never;

/** Options accepted by {@link DashboardError} and its subclasses. */
export interface DashboardErrorOptions {
  /**
   * The underlying error. Callers must pass an already sanitized value: a cause ends up in logs
   * and in `util.inspect` output, so it must never hold request headers or keys.
   */
  cause?: unknown;
}

/** The JSON form of a {@link DashboardError}: safe to log or return from an API. */
export interface DashboardErrorJSON {
  name: string;
  code: string;
  message: string;
  cause?: { name: string; message: string; code?: string };
  [detail: string]: unknown;
}

/**
 * The base of every error the SDK throws. Callers branch on the stable `code`, never on the
 * message, which is written for a person and may change.
 *
 * Subclasses add their own details by overriding {@link DashboardError.details}; `toJSON()`
 * includes them, so a subclass decides explicitly what is safe to serialize.
 *
 * @example
 * try {
 *   await client.checkConnection();
 * } catch (error) {
 *   if (isDashboardError(error, 'LANGFUSE_AUTH')) showKeyForm();
 *   else throw error;
 * }
 */
export class DashboardError extends Error {
  /** A stable, machine-readable identifier such as `LANGFUSE_AUTH`. */
  readonly code: string;

  constructor(code: string, message: string, options: DashboardErrorOptions = {}) {
    super(message, 'cause' in options ? { cause: options.cause } : undefined);
    this.name = new.target.name;
    this.code = code;
    // Non-enumerable, so toJSON, spreading and util.inspect do not show it.
    Object.defineProperty(this, BRAND, { value: true, enumerable: false });
  }

  /** Extra, secret-free fields for `toJSON()`; subclasses override it. */
  protected details(): Record<string, unknown> {
    return {};
  }

  /**
   * A plain object for logs and API responses: name, code, message, the subclass details and a
   * one-level summary of the cause (name, message, code). Never headers, never keys.
   */
  toJSON(): DashboardErrorJSON {
    const json: DashboardErrorJSON = {
      ...this.details(),
      name: this.name,
      code: this.code,
      message: this.message,
    };
    const cause = summarizeCause(this.cause);
    if (cause) json.cause = cause;
    return json;
  }
}

/**
 * True when `value` is an error of this SDK (from any copy of the package: it checks the
 * `Symbol.for('cupid-dashboard.error')` brand and a string `code`, not `instanceof`), and, when
 * `code` is given, has that code. Prefer it to `instanceof DashboardError`, which is false for an
 * error made by a second copy of the package (a duplicated install, or the ESM and the CJS build
 * both loaded).
 *
 * @param value anything caught
 * @param code optional: the stable code it must have, e.g. `'NOT_FOUND'`
 * @example
 * try { await store.ping(); } catch (error) {
 *   if (isDashboardError(error, 'STORE_UNAVAILABLE')) return unhealthy();
 *   throw error;
 * }
 */
export function isDashboardError(value: unknown, code?: string): value is DashboardError {
  if (typeof value !== 'object' || value === null) return false;
  const branded = value as { [BRAND]?: unknown; code?: unknown };
  return (
    branded[BRAND] === true &&
    typeof branded.code === 'string' &&
    (code === undefined || branded.code === code)
  );
}

function summarizeCause(cause: unknown): DashboardErrorJSON['cause'] {
  if (cause === undefined || cause === null) return undefined;
  if (cause instanceof Error) {
    const code = (cause as { code?: unknown }).code;
    return typeof code === 'string'
      ? { name: cause.name, message: cause.message, code }
      : { name: cause.name, message: cause.message };
  }
  return { name: typeof cause, message: String(cause) };
}
