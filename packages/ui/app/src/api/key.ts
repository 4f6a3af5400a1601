/**
 * The API key the person typed, kept in sessionStorage only: it lives as long as the tab and is
 * never written to localStorage, a cookie or the URL.
 */
const STORAGE_KEY = 'cupid-dashboard.api-key';

export function storedApiKey(): string | null {
  try {
    return sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export function storeApiKey(key: string | null): void {
  try {
    if (key === null) sessionStorage.removeItem(STORAGE_KEY);
    else sessionStorage.setItem(STORAGE_KEY, key);
  } catch {
    // Storage can be disabled; the key then lasts until the page reloads (held by the caller).
  }
}
