import type { ObservationRecord, SessionRecord, TraceRecord } from '@cupid-dashboard/core';
import { streamCupidDataset } from '@cupid-dashboard/core/testing';

/** One page of whole sessions, about `pageSize` observations. */
export interface Page {
  sessions: SessionRecord[];
  traces: TraceRecord[];
  observations: ObservationRecord[];
}

/**
 * The generated dataset as pages of whole sessions of about `pageSize` observations (late
 * versions after their first versions), the way a sync hands pages to the store. Streams, so a
 * million observations never sit in memory at once.
 */
export function* pages(
  options: { sessions: number; seed: number },
  pageSize = 1000,
): Generator<Page> {
  let page: Page = { sessions: [], traces: [], observations: [] };
  for (const chunk of streamCupidDataset(options)) {
    page.sessions.push(chunk.session);
    for (const trace of chunk.traces) page.traces.push(trace);
    for (const observation of chunk.observations) page.observations.push(observation);
    for (const observation of chunk.lateUpdates) page.observations.push(observation);
    if (page.observations.length >= pageSize) {
      yield page;
      page = { sessions: [], traces: [], observations: [] };
    }
  }
  if (page.sessions.length > 0) yield page;
}

/** Five batches of 1,000 new observations (sessions the dataset does not have), for the incremental figure. */
export function* additions(): Generator<Page> {
  for (let round = 0; round < 5; round++) {
    const extra = pages({ sessions: 21, seed: 9000 + round }, 1000).next().value;
    if (!extra) return;
    yield { ...extra, observations: extra.observations.slice(0, 1000) };
  }
}
