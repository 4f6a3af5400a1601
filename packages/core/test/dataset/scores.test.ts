import { describe, expect, it } from 'vitest';
import { generateCupidDataset, SCORE_NAMES } from '../../src/testing/dataset/index';

describe('generated scores', () => {
  const dataset = generateCupidDataset({ seed: 7, sessions: 200 });
  const byName = (name: string) => dataset.scores.filter((s) => s.name === name);

  it('scores some evaluated generations, some sessions and a few turns, each on a record that exists', () => {
    const observations = new Map(dataset.observations.map((o) => [o.id, o]));
    const traces = new Set(dataset.traces.map((t) => t.id));
    const sessions = new Set(dataset.sessions.map((s) => s.id));
    const helpfulness = byName(SCORE_NAMES.helpfulness);
    const evaluated = dataset.observations.filter(
      (o) =>
        o.type === 'GENERATION' &&
        o.level !== 'ERROR' &&
        ['Mortal', 'Match', 'CupidEvaluation'].includes(o.name ?? ''),
    );
    // 40% of the evaluated generations, give or take the draw.
    expect(helpfulness.length / evaluated.length).toBeGreaterThan(0.33);
    expect(helpfulness.length / evaluated.length).toBeLessThan(0.47);
    for (const score of helpfulness) {
      const scored = observations.get(score.observationId ?? '');
      expect(scored?.traceId).toBe(score.traceId);
      expect(score).toMatchObject({ dataType: 'NUMERIC', source: 'EVAL', stringValue: null });
      expect(score.value).toBeGreaterThanOrEqual(0);
      expect(score.value).toBeLessThanOrEqual(1);
      expect(score.timestamp).toBeGreaterThan(scored?.endTime ?? Number.POSITIVE_INFINITY);
    }
    const feedback = byName(SCORE_NAMES.feedback);
    expect(feedback.length).toBeGreaterThan(40);
    expect(feedback.length).toBeLessThan(100);
    for (const score of feedback) {
      expect(sessions.has(score.sessionId ?? '')).toBe(true);
      expect(score.traceId).toBeNull();
      expect([score.value, score.stringValue]).toEqual(
        score.value === 1 ? [1, 'True'] : [0, 'False'],
      );
    }
    const tone = byName(SCORE_NAMES.tone);
    expect(tone.length).toBeGreaterThan(0);
    for (const score of tone) {
      expect(traces.has(score.traceId ?? '')).toBe(true);
      expect(score).toMatchObject({ dataType: 'CATEGORICAL', source: 'ANNOTATION', value: null });
      expect(['playful', 'romantic', 'awkward', 'flat']).toContain(score.stringValue);
    }
    expect(dataset.scores).toHaveLength(helpfulness.length + feedback.length + tone.length);
    expect(new Set(dataset.scores.map((s) => s.id)).size).toBe(dataset.scores.length);
    expect(dataset.lateScores).toEqual([]);
  });

  it('is deterministic and leaves every other record as it is without scores', () => {
    expect(generateCupidDataset({ seed: 7, sessions: 200 }).scores).toEqual(dataset.scores);
    const without = generateCupidDataset({ seed: 7, sessions: 200, scores: false });
    expect(without.scores).toEqual([]);
    expect(without.observations).toEqual(dataset.observations);
    expect(without.traces).toEqual(dataset.traces);
  });

  it('with late updates, some scores arrive late and some helpfulness scores are overwritten', () => {
    const late = generateCupidDataset({ seed: 7, sessions: 200, lateUpdates: 0.1 });
    const first = new Map(late.scores.map((s) => [s.id, s]));
    const overwritten = late.lateScores.filter((s) => first.has(s.id));
    const arrivingLate = late.lateScores.filter((s) => !first.has(s.id));
    expect(overwritten.length).toBeGreaterThan(0);
    expect(arrivingLate.length).toBeGreaterThan(0);
    for (const score of overwritten) {
      const before = first.get(score.id);
      expect(score.name).toBe(SCORE_NAMES.helpfulness);
      expect(score.timestamp).toBe(before?.timestamp);
      expect(score.updatedAt).toBeGreaterThan(before?.updatedAt ?? Number.POSITIVE_INFINITY);
    }
    for (const score of late.lateScores) {
      expect((score.updatedAt ?? 0) - score.timestamp).toBeGreaterThanOrEqual(600_000);
      expect((score.updatedAt ?? 0) - score.timestamp).toBeLessThanOrEqual(900_000);
    }
    // Every score of the dataset without late updates is there, first or late.
    expect(new Set([...first.keys(), ...arrivingLate.map((s) => s.id)]).size).toBe(
      dataset.scores.length,
    );
  });
});
