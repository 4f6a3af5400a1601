import { useEffect } from 'preact/hooks';
import type { Loadable } from './use-api';

/**
 * Loads `loadable` again `everyMs` after each answer (success or failure), so polls never
 * overlap and a slow server is asked less often.
 */
export function usePoll<T>(loadable: Loadable<T> & { reload: () => void }, everyMs: number): void {
  const { reload, status, data } = loadable;
  useEffect(() => {
    if (status === 'loading') return;
    const timer = setTimeout(reload, everyMs);
    return () => clearTimeout(timer);
  }, [data, status, everyMs, reload]);
}
