import { useEffect, useState } from 'preact/hooks';
import { storeApiKey } from '../api/key';

/**
 * Whether the page needs an API key, and a counter every data hook watches: entering a key
 * bumps it, so every view that failed with 401 loads again.
 */
interface AuthState {
  needKey: boolean;
  /** The last key was refused (shown in the prompt). */
  rejected: boolean;
  epoch: number;
}

let state: AuthState = { needKey: false, rejected: false, epoch: 0 };
const listeners = new Set<(next: AuthState) => void>();

function publish(next: AuthState) {
  state = next;
  for (const listener of listeners) listener(state);
}

/** A call answered 401: ask for a key (again, if one was sent). */
export function requestKey(hadKey: boolean): void {
  if (!state.needKey) publish({ ...state, needKey: true, rejected: hadKey });
}

export function submitKey(key: string): void {
  storeApiKey(key);
  publish({ needKey: false, rejected: false, epoch: state.epoch + 1 });
}

export function useAuth(): AuthState {
  const [current, setCurrent] = useState(state);
  useEffect(() => {
    listeners.add(setCurrent);
    setCurrent(state);
    return () => void listeners.delete(setCurrent);
  }, []);
  return current;
}
