/**
 * Builds the pieces of a sync integration test: a simulator serving a generated Cupid dataset
 * over real HTTP, a Langfuse client pointed at it with tiny backoff settings, and assertions that
 * the store ends equal to the simulator's truth.
 */
import {
  createLangfuseClient,
  type DashboardStore,
  type LangfuseClientOptions,
} from '@cupid-dashboard/core';
import { type CupidDataset, generateCupidDataset } from '@cupid-dashboard/core/testing';
import {
  type ChecksumScope,
  checksumRecords,
  createLangfuseSimulator,
  type LangfuseSimulator,
  type RecordSet,
  type SimulatorOptions,
  type Truth,
} from '@cupid-dashboard/langfuse-simulator';
import { afterEach, expect } from 'vitest';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (closers.length > 0) await closers.pop()?.();
});

export function dataset(options: { sessions?: number; lateUpdates?: number; seed?: number } = {}) {
  return generateCupidDataset({
    seed: options.seed ?? 11,
    sessions: options.sessions ?? 12,
    days: 1,
    lateUpdates: options.lateUpdates ?? 0,
  });
}

/**
 * The latest observation start or score time in a dataset, epoch ms: a sync window ending after
 * it reads every record (a reviewer's score may come hours after the turn it labels).
 */
export function lastStart(data: CupidDataset): number {
  let last = 0;
  for (const o of data.observations) if (o.startTime > last) last = o.startTime;
  for (const s of [...data.scores, ...data.lateScores]) if (s.timestamp > last) last = s.timestamp;
  return last;
}

/** The latest observation start in a dataset, epoch ms (scores may come hours after it). */
export function lastObservationStart(data: CupidDataset): number {
  let last = 0;
  for (const o of data.observations) if (o.startTime > last) last = o.startTime;
  return last;
}

/** Requests a sync makes for `n` scores: pages of at most 100, at least one request. */
export function scorePages(n: number): number {
  return Math.max(1, Math.ceil(n / 100));
}

/**
 * A dataset as Langfuse holds it at `clock` (epoch ms), for tests that run a sync at some time
 * and then let time pass: `dataset` (to serve) has the scores given by then, `arrived` the late
 * observation versions and late or overwritten scores that had arrived by then (publish it before
 * the first run), `later` everything that arrives after (publish it to move time on). Serving a
 * score before it is given would hand the first run a record no real server has yet.
 *
 * @example
 * const view = asOf(data, clock);
 * const { sim } = await served({ dataset: view.dataset });
 * sim.publish(view.arrived);
 */
export function asOf(data: CupidDataset, clock: number) {
  const arrived = (record: { updatedAt: number | null }) => (record.updatedAt ?? 0) <= clock;
  return {
    dataset: {
      ...data,
      scores: data.scores.filter((score) => score.timestamp <= clock),
      lateScores: [],
      lateUpdates: [],
    },
    arrived: {
      observations: data.lateUpdates.filter(arrived),
      scores: data.lateScores.filter(arrived),
    },
    later: {
      observations: data.lateUpdates.filter((o) => !arrived(o)),
      // In arrival order: scores given after `clock`, then the late versions still to come.
      scores: [
        ...data.scores.filter((score) => score.timestamp > clock),
        ...data.lateScores.filter((score) => !arrived(score)),
      ],
    },
  };
}

/** A simulator listening on 127.0.0.1 and a client for it; both closed after the test. */
export async function served(
  options: SimulatorOptions,
  client: Partial<LangfuseClientOptions> = {},
) {
  const sim = createLangfuseSimulator(options);
  const server = await sim.listen();
  closers.push(() => server.close());
  const langfuse = createLangfuseClient({
    publicKey: sim.publicKey,
    secretKey: sim.secretKey,
    baseUrl: server.url,
    retryBaseDelayMs: 1,
    retryMaxDelayMs: 5,
    ...client,
  });
  return { sim, url: server.url, client: langfuse };
}

/** Registers a cleanup (e.g. closing a store) to run after the test. */
export function onCleanup(close: () => Promise<void>): void {
  closers.push(close);
}

/** Asserts the records equal the truth: counts and the simulator's checksums. */
export function expectEqualToTruth(records: RecordSet, truth: Truth, scope: ChecksumScope = 'v2') {
  expect({
    sessions: records.sessions.length,
    traces: records.traces.length,
    observations: records.observations.length,
    scores: records.scores?.length ?? 0,
  }).toEqual(truthCounts(truth));
  expect(checksumRecords(records, scope)).toEqual(truth.checksums(scope));
}

/** Asserts the store's own counts agree with the records it is said to hold. */
export async function expectCounts(store: DashboardStore, records: RecordSet) {
  expect((await store.counts()).records).toEqual({
    sessions: records.sessions.length,
    traces: records.traces.length,
    observations: records.observations.length,
    scores: records.scores?.length ?? 0,
  });
}

/** The record counts of the truth, scores included. */
export function truthCounts(truth: Truth) {
  return { ...truth.counts, scores: truth.scores.length };
}

export type { LangfuseSimulator };
