import type { ComponentChildren } from 'preact';
import { periodLinkParams } from '../lib/period';
import { href, type Route } from '../lib/router';
import { SyncBadge } from './sync-badge';

const PAGES: [string, string][] = [
  ['', 'Overview'],
  ['sessions', 'Sessions'],
  ['agents', 'Agents'],
  ['models', 'Models'],
  ['sync', 'Sync'],
];

/** The frame: a skip link, the navigation (keeping the period), and the page. */
export function Layout({ route, children }: { route: Route; children: ComponentChildren }) {
  const current = route.segments[0] ?? '';
  const links = periodLinkParams(route.params);
  return (
    <>
      <button type="button" class="skip" onClick={() => document.getElementById('main')?.focus()}>
        Skip to content
      </button>
      <header class="top">
        <span class="brand">Cupid dashboard</span>
        <nav aria-label="Pages">
          {PAGES.map(([path, label]) => (
            <a
              key={path}
              href={href(path, path === 'sync' ? {} : links)}
              aria-current={current === path ? 'page' : undefined}
            >
              {label}
            </a>
          ))}
        </nav>
        <SyncBadge />
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
