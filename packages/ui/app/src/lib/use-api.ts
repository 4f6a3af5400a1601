import { useCallback, useEffect, useState } from 'preact/hooks';
import { ApiError, type ApiResult } from '../api/client';
import { storedApiKey } from '../api/key';
import { mountOptions } from '../api/options';
import { requestKey, useAuth } from './auth';
import { useDataEpoch } from './live';

export type Loadable<T> =
  | { status: 'loading'; data?: T; asOf?: string | null }
  | { status: 'ok'; data: T; asOf: string | null }
  | { status: 'error'; error: ApiError; data?: T; asOf?: string | null };

/**
 * Loads `load()` whenever `key` changes (the query it depends on) and on `reload()`; an answer to
 * an older key is dropped. The previous data stays while the next loads, so figures do not blink.
 * A 401 on a mount with API keys opens the key prompt; the load repeats once a key is entered.
 * It repeats too when the live events say the data changed (a sync committed), so every page
 * shows new data without a reload.
 */
export function useApi<T>(
  key: string,
  load: () => Promise<ApiResult<T>>,
): Loadable<T> & { reload: () => void } {
  const { epoch } = useAuth();
  const dataEpoch = useDataEpoch();
  const [tick, setTick] = useState(0);
  const [state, setState] = useState<Loadable<T>>({ status: 'loading' });
  useEffect(() => {
    let current = true;
    setState((previous) => ({ status: 'loading', data: previous.data, asOf: previous.asOf }));
    load().then(
      (result) => {
        if (current) setState({ status: 'ok', data: result.data, asOf: result.asOf });
      },
      (error: unknown) => {
        if (!current) return;
        const failure =
          error instanceof ApiError ? error : new ApiError(0, 'CLIENT', String(error));
        if (failure.status === 401 && mountOptions.apiKeys) requestKey(storedApiKey() !== null);
        setState({ status: 'error', error: failure });
      },
    );
    return () => {
      current = false;
    };
  }, [key, tick, epoch, dataEpoch]);
  const reload = useCallback(() => setTick((value) => value + 1), []);
  return { ...state, reload };
}
