import { describe, expect, it } from 'vitest';
import type { ObservationRecord } from '../../src/domain/records';
import { generateCupidDataset } from '../../src/testing/dataset/index';

const options = { seed: 9, sessions: 120 };
const plain = generateCupidDataset(options);
const late = generateCupidDataset({ ...options, lateUpdates: 0.05 });

describe('late updates', () => {
  it('are absent unless asked for, and every observation is then complete', () => {
    expect(plain.lateUpdates).toEqual([]);
    for (const o of plain.observations) {
      expect(o.endTime).not.toBeNull();
      if (o.type === 'GENERATION' && o.level !== 'ERROR') expect(o.totalCost).not.toBeNull();
    }
  });

  it('cover about the asked share of observations, each id once', () => {
    const share = late.lateUpdates.length / late.observations.length;
    expect(share).toBeGreaterThan(0.035);
    expect(share).toBeLessThan(0.065);
    expect(new Set(late.lateUpdates.map((o) => o.id)).size).toBe(late.lateUpdates.length);
  });

  it('have incomplete first versions and complete later versions with the same id', () => {
    const first = new Map(late.observations.map((o) => [o.id, o]));
    for (const update of late.lateUpdates) {
      const before = first.get(update.id) as ObservationRecord;
      expect(before).toBeDefined();
      expect(before.endTime).toBeNull();
      expect(before.totalCost).toBeNull();
      expect(before.costDetails).toEqual({});
      expect(before.output).toBeNull();
      expect(before.updatedAt).toBe(before.startTime);
      expect(update.endTime).not.toBeNull();
      const delay = (update.updatedAt as number) - update.startTime;
      expect(delay).toBeGreaterThanOrEqual(10 * 60_000);
      expect(delay).toBeLessThanOrEqual(15 * 60_000);
      if (update.type === 'GENERATION' && update.level !== 'ERROR') {
        expect(update.totalCost).toBeGreaterThan(0);
        expect(Object.keys(before.usageDetails)).toEqual(['input']);
      }
    }
    const times = late.lateUpdates.map((o) => o.updatedAt as number);
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('once applied, give the same records as a dataset without late updates', () => {
    const merged = new Map(late.observations.map((o) => [o.id, o]));
    for (const update of late.lateUpdates) merged.set(update.id, update);
    const strip = (o: ObservationRecord) => ({ ...o, updatedAt: null });
    expect([...merged.values()].map(strip)).toEqual(plain.observations.map(strip));
  });
});
