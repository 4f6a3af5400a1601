import type {
  ObservationRecord,
  ScoreRecord,
  SessionRecord,
  TraceRecord,
} from '@cupid-dashboard/core';
import { streamCupidDataset } from '@cupid-dashboard/core/testing';

/** One page of whole sessions, about `pageSize` observations, with their scores. */
export interface Page {
  sessions: SessionRecord[];
  traces: TraceRecord[];
  observations: ObservationRecord[];
  scores: ScoreRecord[];
}

const emptyPage = (): Page => ({ sessions: [], traces: [], observations: [], scores: [] });

/**
 * The generated dataset as pages of whole sessions of about `pageSize` observations (late
 * versions after their first versions) and their scores (late and re-evaluated ones after the
 * rest), the way a sync hands pages to the store. Streams, so a million observations never sit in
 * memory at once. The default dataset's 20,000 sessions carry about 970k observations and 134k
 * scores.
 */
export function* pages(
  options: { sessions: number; seed: number },
  pageSize = 1000,
): Generator<Page> {
  let page = emptyPage();
  for (const chunk of streamCupidDataset(options)) {
    page.sessions.push(chunk.session);
    for (const trace of chunk.traces) page.traces.push(trace);
    for (const observation of chunk.observations) page.observations.push(observation);
    for (const observation of chunk.lateUpdates) page.observations.push(observation);
    for (const score of chunk.scores) page.scores.push(score);
    for (const score of chunk.lateScores) page.scores.push(score);
    if (page.observations.length >= pageSize) {
      yield page;
      page = emptyPage();
    }
  }
  if (page.sessions.length > 0) yield page;
}

/**
 * Five batches of 1,000 new observations (sessions the dataset does not have) with their sessions'
 * scores, for the incremental figure.
 */
export function* additions(): Generator<Page> {
  for (let round = 0; round < 5; round++) {
    const extra = pages({ sessions: 21, seed: 9000 + round }, 1000).next().value;
    if (!extra) return;
    yield { ...extra, observations: extra.observations.slice(0, 1000) };
  }
}
