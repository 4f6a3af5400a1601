import { api } from '../api/endpoints';
import { href } from '../lib/router';
import { useApi } from '../lib/use-api';
import { usePoll } from '../lib/use-poll';

/** How often the header re-reads the sync state, in milliseconds. */
const POLL_MS = 15_000;

/** The sync state in the header, on every page, linking to the sync page. */
export function SyncBadge() {
  const status = useApi('sync-badge', () => api.syncStatus());
  usePoll(status, POLL_MS);
  const sync = status.data;
  if (!sync?.configured) return null;
  const state = sync.running ? 'running' : sync.status;
  return (
    <a class={`sync-badge badge sync-${state}`} href={href('sync')} data-sync-badge={state}>
      Sync: {state}
    </a>
  );
}
