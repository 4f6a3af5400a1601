import type { EpochMs } from '../domain/records';
import type { SessionCursor, SessionScanParams } from '../store/session-scan';
import type { SessionRow } from '../store/sessions';
import type { DashboardStore } from '../store/store';

/**
 * Every session a scan matches, one batch of `limit` rows in memory at a time: each batch starts
 * where the previous one ended (`next`), with the same `now`, so statuses agree across batches.
 *
 * @example
 * for await (const row of scanSessions(store, { status: 'error', now: Date.now() })) write(row);
 */
export async function* scanSessions(
  store: DashboardStore,
  params: SessionScanParams & { now: EpochMs },
): AsyncGenerator<SessionRow> {
  let after: SessionCursor | undefined = params.after;
  for (;;) {
    const batch = await store.scanSessions({ ...params, ...(after ? { after } : {}) });
    yield* batch.items;
    if (batch.next === null) return;
    after = batch.next;
  }
}
