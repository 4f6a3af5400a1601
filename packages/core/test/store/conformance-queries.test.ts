import { describe, expect, it } from 'vitest';
import { SESSION_SORT_KEYS, SESSION_STATUSES } from '../../src/index';
import { differentialQueries } from '../../src/testing/conformance/queries';
import { generateCupidDataset } from '../../src/testing/index';

describe('conformance queries', () => {
  it('cover every session sort key in both orders and every status filter', () => {
    const dataset = generateCupidDataset({ seed: 3, sessions: 2, days: 1, lateUpdates: 0 });
    const labels = differentialQueries(dataset, dataset.range.to).map((query) => query.label);
    for (const sort of SESSION_SORT_KEYS) {
      expect(labels).toContain(`listSessions sort ${sort} asc`);
      expect(labels).toContain(`listSessions sort ${sort} desc`);
    }
    for (const status of ['all', ...SESSION_STATUSES]) {
      expect(labels).toContain(`listSessions status ${status}, page 2 of 7`);
    }
    expect(labels.filter((label) => label.startsWith('listSessions sort'))).toHaveLength(
      SESSION_SORT_KEYS.length * 2,
    );
  });
});
