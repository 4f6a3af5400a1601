import { afterEach, describe, expect, it, vi } from 'vitest';
import { generateCupidDataset } from '../../src/testing/dataset/index';

describe('generateCupidDataset determinism', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('gives deep-equal datasets for equal options', () => {
    const options = { seed: 7, sessions: 40, lateUpdates: 0.1 };
    expect(generateCupidDataset(options)).toEqual(generateCupidDataset(options));
  });

  it('gives different datasets for different seeds', () => {
    const a = generateCupidDataset({ seed: 1, sessions: 20 });
    const b = generateCupidDataset({ seed: 2, sessions: 20 });
    expect(a.seed).toBe(1);
    expect(b.seed).toBe(2);
    expect(a.sessions.map((s) => s.id)).not.toEqual(b.sessions.map((s) => s.id));
    expect(a.observations.length).not.toBe(b.observations.length);
  });

  it('never reads the wall clock or Math.random', () => {
    const forbidden = () => {
      throw new Error('non-deterministic source used');
    };
    vi.spyOn(Math, 'random').mockImplementation(forbidden);
    vi.spyOn(Date, 'now').mockImplementation(forbidden);
    expect(generateCupidDataset({ sessions: 5 }).sessions).toHaveLength(5);
  });

  it('keeps everything but first versions and late versions equal when late updates are asked', () => {
    const plain = generateCupidDataset({ seed: 3, sessions: 30 });
    const late = generateCupidDataset({ seed: 3, sessions: 30, lateUpdates: 0.2 });
    expect(late.sessions).toEqual(plain.sessions);
    expect(late.traces).toEqual(plain.traces);
    expect(late.observations.map((o) => o.id)).toEqual(plain.observations.map((o) => o.id));
  });
});
