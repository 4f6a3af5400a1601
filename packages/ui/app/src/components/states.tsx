import type { ComponentChildren } from 'preact';
import type { ApiError } from '../api/client';
import { mountOptions } from '../api/options';

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <p class="state state-loading" role="status" aria-live="polite">
      {label}
    </p>
  );
}

/** What went wrong, in words: 401, 404 and an unreachable server each get their own. */
export function ErrorView({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  const [title, hint] = describe(error);
  return (
    <div class="state state-error" role="alert" data-error-status={error.status}>
      <strong>{title}</strong>
      <p>{hint}</p>
      <p class="muted">
        {error.message} <code>{error.code}</code>
      </p>
      {onRetry && (
        <button type="button" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}

function describe(error: ApiError): [string, string] {
  if (error.status === 0) {
    return ['Cannot reach the dashboard server', 'Check that it is running, then try again.'];
  }
  if (error.status === 401) {
    return mountOptions.apiKeys
      ? ['An API key is needed', 'Enter a key for this dashboard to see its data.']
      : ['Not signed in', 'The host application did not let this request through; sign in again.'];
  }
  if (error.status === 403) return ['Not allowed', 'This account may not see the dashboard.'];
  if (error.status === 404) return ['Not found', 'Nothing matches this address.'];
  if (error.status === 503) return ['The data store is unavailable', 'Try again in a moment.'];
  return ['Something went wrong', 'The server could not answer this request.'];
}

export function Empty({ children }: { children: ComponentChildren }) {
  return <div class="state state-empty">{children}</div>;
}
