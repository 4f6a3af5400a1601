import type { ComponentChildren } from 'preact';
import { formatAgo, formatTime } from '../lib/format';

/**
 * A page's title, its controls, and how fresh its data is: `X-Data-As-Of` is the end of the last
 * successful sync, absent before the first one.
 */
export function PageHeader({
  title,
  asOf,
  children,
}: {
  title: ComponentChildren;
  asOf: string | null | undefined;
  children?: ComponentChildren;
}) {
  return (
    <header class="page-header">
      <div>
        <h1>{title}</h1>
        <p class="freshness" data-as-of={asOf ?? ''}>
          {asOf ? (
            <>
              Data as of <time dateTime={asOf}>{formatTime(asOf)}</time> ({formatAgo(asOf)})
            </>
          ) : asOf === null ? (
            'Not synced yet'
          ) : (
            '\u00a0'
          )}
        </p>
      </div>
      {children && <div class="controls">{children}</div>}
    </header>
  );
}
