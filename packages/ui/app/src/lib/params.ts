import { navigate, type Route } from './router';

/**
 * Writes parameter changes into the URL of the current page (`undefined` removes one). Any
 * change but the page number itself goes back to page 1.
 */
export function updateParams(
  route: Route,
  changes: Record<string, string | undefined>,
  replace = false,
): void {
  const next = new URLSearchParams(route.params);
  for (const [name, value] of Object.entries(changes)) {
    if (value === undefined || value === '') next.delete(name);
    else next.set(name, value);
  }
  if (!('page' in changes)) next.delete('page');
  const query = next.toString();
  navigate(
    `#/${route.segments.map(encodeURIComponent).join('/')}${query ? `?${query}` : ''}`,
    replace,
  );
}
