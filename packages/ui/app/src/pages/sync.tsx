import type { SyncStatusWire } from '@cupid-dashboard/core';
import { useState } from 'preact/hooks';
import type { ApiError } from '../api/client';
import { api } from '../api/endpoints';
import { mountOptions } from '../api/options';
import { Facts } from '../components/facts';
import { PageHeader } from '../components/page-header';
import { ErrorView, Loading } from '../components/states';
import { formatCount, formatMs, formatTime } from '../lib/format';
import { useApi } from '../lib/use-api';
import { usePoll } from '../lib/use-poll';

/** Polls fast while a run is going, so progress moves; slowly otherwise. Milliseconds. */
const POLL_RUNNING_MS = 1000;
const POLL_IDLE_MS = 10_000;

export function SyncPage() {
  const status = useApi('sync-status', () => api.syncStatus());
  const running = status.data?.running ?? false;
  const { reload } = status;
  usePoll(status, running ? POLL_RUNNING_MS : POLL_IDLE_MS);

  return (
    <>
      <PageHeader
        title="Sync"
        asOf={status.data?.last_success_at ?? (status.data ? null : undefined)}
      >
        {!mountOptions.readOnly && status.data?.configured && (
          <TriggerButton running={running} onStarted={reload} />
        )}
      </PageHeader>
      {status.status === 'error' && status.data === undefined ? (
        <ErrorView error={status.error} onRetry={reload} />
      ) : status.data === undefined ? (
        <Loading />
      ) : (
        <SyncDetails sync={status.data} />
      )}
    </>
  );
}

function TriggerButton({ running, onStarted }: { running: boolean; onStarted: () => void }) {
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const trigger = () => {
    setPending(true);
    setFailure(null);
    api.syncTrigger().then(
      () => {
        setPending(false);
        onStarted();
      },
      (error: ApiError) => {
        setPending(false);
        setFailure(error);
      },
    );
  };
  return (
    <div class="trigger">
      <button
        type="button"
        class="primary"
        data-action="sync"
        onClick={trigger}
        disabled={pending || running}
      >
        {running ? 'Syncing…' : 'Sync now'}
      </button>
      {failure && (
        <p class="bad" role="alert">
          {failure.message}
        </p>
      )}
    </div>
  );
}

function SyncDetails({ sync }: { sync: SyncStatusWire }) {
  const run = sync.last_run;
  return (
    <>
      {!sync.configured && (
        <p class="state state-empty">
          This dashboard has no sync service: its data is loaded elsewhere.
        </p>
      )}
      <Facts
        data-sync-status={sync.status}
        facts={[
          [
            'status',
            'State',
            <span class={`badge sync-${sync.status}`}>
              {sync.running ? 'running' : sync.status}
            </span>,
          ],
          ['mode', 'Langfuse API', sync.api_mode ?? '—'],
          ['watermark', 'Synced up to', formatTime(sync.watermark)],
          ['last-success', 'Last success', formatTime(sync.last_success_at)],
        ]}
      />
      {sync.progress && (
        <section class="card" aria-live="polite" data-progress={sync.progress.records}>
          <h2>In progress</h2>
          <p>
            {sync.progress.phase}: {formatCount(sync.progress.pages)} pages,{' '}
            {formatCount(sync.progress.records)} records (updated{' '}
            {formatTime(sync.progress.updated_at)})
          </p>
          <progress aria-label="Sync running" />
        </section>
      )}
      {run ? (
        <section class="card">
          <h2>Last run</h2>
          <Facts
            data-last-run={run.status}
            facts={[
              ['run-status', 'Result', run.status],
              ['started', 'Started', formatTime(run.started_at)],
              ['duration', 'Took', formatMs(run.duration_ms)],
              ['requests', 'Requests', formatCount(run.requests)],
              ['sessions', 'Sessions', formatCount(run.counts.sessions)],
              ['traces', 'Traces', formatCount(run.counts.traces)],
              ['observations', 'Observations', formatCount(run.counts.observations)],
            ]}
          />
          {run.error && (
            <p class="bad" role="alert">
              {run.error.message} <code>{run.error.code}</code>
            </p>
          )}
        </section>
      ) : (
        <p class="state state-empty">No sync has run yet.</p>
      )}
    </>
  );
}
