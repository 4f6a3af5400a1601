import type { EpochMs, ObservationRecord, SessionRecord } from '../domain/records';
import type { DashboardStore } from '../store/store';

/**
 * Derives v2 session records (`{ id, createdAt: earliest start, environment }`) page by page.
 *
 * Session records have no version, so the last upsert wins: a page holding only a session's later
 * observations must not write a later `createdAt`. The tracker remembers the earliest start per
 * session seen in this run and, the first time a session shows up, asks the store for the
 * session's `startedAt` (the earliest time it already holds) — unless the run reads everything
 * from the beginning and did not resume, when nothing earlier can exist. It only emits a record
 * when a session is new to the run or its earliest start moved back.
 *
 * Memory: one entry per session of the window (ids and a number), not the records.
 *
 * @example
 * const tracker = new SessionTracker(store, { consultStore: window.from !== null || resumed });
 * const sessions = await tracker.derive(records);
 */
export class SessionTracker {
  private readonly earliest = new Map<string, EpochMs>();

  constructor(
    private readonly store: DashboardStore,
    private readonly options: { consultStore: boolean },
  ) {}

  /** The session records this page changes. */
  async derive(records: readonly ObservationRecord[]): Promise<SessionRecord[]> {
    const page = new Map<string, { start: EpochMs; environment: string }>();
    for (const record of records) {
      if (record.sessionId === null) continue;
      const seen = page.get(record.sessionId);
      if (!seen || record.startTime < seen.start) {
        page.set(record.sessionId, { start: record.startTime, environment: record.environment });
      }
    }
    const out: SessionRecord[] = [];
    for (const [id, { start, environment }] of page) {
      let known = this.earliest.get(id);
      if (known === undefined && this.options.consultStore) {
        const row = await this.store.getSession({ id });
        if (row) known = row.startedAt;
      }
      if (known !== undefined && known <= start) {
        if (!this.earliest.has(id)) this.earliest.set(id, known);
        continue;
      }
      this.earliest.set(id, start);
      out.push({ id, createdAt: start, environment });
    }
    return out;
  }
}
