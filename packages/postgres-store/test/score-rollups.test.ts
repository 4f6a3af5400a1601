import { HOUR, score, T0 } from '@cupid-dashboard/core/testing';
import { describe, expect, it } from 'vitest';
import { roundingFloats, storeTables } from './support/table-rows';

const ORDER = '1, 2, 3';

describe('score rollups', () => {
  const tables = storeTables(
    { score_hour: ORDER, score_hour_bins: ORDER, score_value_hour: ORDER },
    roundingFloats(['value_sum']),
  );

  it('equal a rebuild after versions that move hour, name and type, and leave no empty row', async () => {
    const numeric = (id: string, value: number, time: number, updatedAt: number) =>
      score({ id, name: 'helpfulness', value, timestamp: time, updatedAt });
    const label = score({
      id: 'c',
      name: 'label',
      dataType: 'CATEGORICAL',
      value: null,
      stringValue: 'ok',
      timestamp: T0,
      updatedAt: 1,
    });
    await tables.store.upsert({
      scores: [numeric('a', 0.25, T0, 1), numeric('b', -0.5, T0 + 10, 1), label],
    });
    // a moves two hours on; b becomes a boolean of another name; c is re-delivered as is.
    await tables.store.upsert({
      scores: [
        numeric('a', 0.75, T0 + 2 * HOUR, 2),
        score({
          id: 'b',
          name: 'liked',
          dataType: 'BOOLEAN',
          value: 1,
          stringValue: 'True',
          timestamp: T0 + 10,
          updatedAt: 2,
        }),
        label,
      ],
    });
    const incremental = await tables.rows();
    expect(incremental.score_hour).toHaveLength(3);
    expect(incremental.score_hour_bins).toHaveLength(1);
    expect(incremental.score_value_hour).toHaveLength(2);
    await tables.store.refresh('all');
    expect(await tables.rows()).toEqual(incremental);
    const names = (await tables.store.listScores({})).map((summary) => [
      summary.name,
      summary.count,
      summary.mean,
    ]);
    expect(names).toEqual([
      ['helpfulness', 1, 0.75],
      ['label', 1, null],
      ['liked', 1, 1],
    ]);
  });
});
