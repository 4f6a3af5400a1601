import { useEffect, useState } from 'preact/hooks';

/**
 * Hash routing (`#/sessions?status=error`): the server serves one page at the mount root, the
 * URL keeps the page's state, and back/forward move between states without a reload.
 */
export interface Route {
  /** Path segments after `#/`, decoded: `['sessions', 'abc']`. */
  segments: string[];
  params: URLSearchParams;
}

export function parseHash(hash: string): Route {
  const text = hash.replace(/^#\/?/, '');
  const [path = '', query = ''] = text.split('?', 2) as [string?, string?];
  const segments = path
    .split('/')
    .filter((part) => part !== '')
    .map((part) => {
      try {
        return decodeURIComponent(part);
      } catch {
        return part;
      }
    });
  return { segments, params: new URLSearchParams(query) };
}

/** `#/path?query` for a link; empty values are dropped so URLs stay short. */
export function href(path: string, params: Record<string, string | undefined> = {}): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') search.set(name, value);
  }
  const query = search.toString();
  return `#/${path.replace(/^\//, '')}${query === '' ? '' : `?${query}`}`;
}

/** Goes to a URL; `replace` edits the current history entry (typing in a filter), else pushes. */
export function navigate(target: string, replace = false): void {
  if (target === location.hash) return;
  if (replace) {
    history.replaceState(history.state, '', target);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else {
    location.hash = target;
  }
}

/** The current route, updated on every hash change (links, back, forward). */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(location.hash));
  useEffect(() => {
    const update = () => setRoute(parseHash(location.hash));
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return route;
}
