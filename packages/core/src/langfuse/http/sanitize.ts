/**
 * Rebuilds an error from a failed fetch as a plain `Error` carrying only name, message, a string
 * `code` and (recursively, a few levels) its cause. ofetch's `FetchError` exposes the request
 * options, headers included, so it must never become a public `cause`: the Authorization header
 * would leak through `util.inspect`. `secrets` are also masked in every message, in case a
 * library echoed one.
 *
 * @example
 * const safe = sanitizeError(fetchError, [secretKey, publicKey, authHeader]);
 */
export function sanitizeError(error: unknown, secrets: readonly string[], depth = 3): Error {
  const source = error instanceof Error ? error : new Error(String(error));
  const copy = new Error(mask(source.message, secrets));
  copy.name = source.name;
  const code = (source as { code?: unknown }).code;
  if (typeof code === 'string' || typeof code === 'number') {
    (copy as Error & { code?: string }).code = String(code);
  }
  // Stacks repeat the message; keep the sanitized message but drop the original frames' text.
  copy.stack = `${copy.name}: ${copy.message}`;
  if (depth > 0 && source.cause !== undefined) {
    copy.cause = sanitizeError(source.cause, secrets, depth - 1);
  }
  return copy;
}

/** Replaces every occurrence of each secret in `text` with `[redacted]`. */
export function mask(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret) out = out.split(secret).join('[redacted]');
  }
  return out;
}

/** Unwraps ofetch's `FetchError` to the error fetch itself threw. */
export function innermostFetchError(error: unknown): unknown {
  if (error instanceof Error && error.name === 'FetchError' && error.cause !== undefined) {
    return error.cause;
  }
  return error;
}
