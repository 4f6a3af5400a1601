import { describe, expect, it } from 'vitest';
import {
  generateCupidDataset,
  streamCupidDataset,
  summarizeDataset,
} from '../../src/testing/dataset/index';

const options = { seed: 21, sessions: 60, lateUpdates: 0.1 };

describe('streamCupidDataset', () => {
  it('yields the same records as generateCupidDataset, one session per chunk', () => {
    const dataset = generateCupidDataset(options);
    const chunks = [...streamCupidDataset(options)];
    expect(chunks.map((c) => c.session)).toEqual(dataset.sessions);
    const byStart = <T extends { startTime: number }>(list: T[]) =>
      [...list].sort((a, b) => a.startTime - b.startTime);
    expect(byStart(chunks.flatMap((c) => c.observations))).toEqual(dataset.observations);
    expect(chunks.flatMap((c) => c.traces).sort((a, b) => a.timestamp - b.timestamp)).toEqual(
      dataset.traces,
    );
    expect(new Set(chunks.flatMap((c) => c.lateUpdates))).toEqual(new Set(dataset.lateUpdates));
    for (const chunk of chunks) {
      for (const record of [...chunk.traces, ...chunk.observations, ...chunk.lateUpdates]) {
        expect(record.sessionId).toBe(chunk.session.id);
      }
      const starts = chunk.observations.map((o) => o.startTime);
      expect(starts).toEqual([...starts].sort((a, b) => a - b));
    }
  });

  it('can be iterated again with the same result, in session start order', () => {
    const stream = streamCupidDataset({ sessions: 15 });
    const first = [...stream].map((c) => c.session);
    const second = [...stream].map((c) => c.session);
    expect(second).toEqual(first);
    const starts = first.map((s) => s.createdAt);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it('is summarized with the counts of its records', () => {
    const summary = summarizeDataset(generateCupidDataset({ seed: 2, sessions: 10, errorRate: 0 }));
    expect(summary.sessions).toBe(10);
    expect(summary.errors).toBe(0);
    expect(summary.completed + summary.abandoned).toBe(10);
    expect(summary.totalCostUsd).toBeGreaterThan(0);
  });
});
