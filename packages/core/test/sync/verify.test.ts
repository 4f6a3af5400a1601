import { describe, expect, it } from 'vitest';
import { verifyRun } from '../../src/sync/verify';

const c = (sessions: number, traces: number, observations: number, scores = 0) => ({
  sessions,
  traces,
  observations,
  scores,
});

describe('verifyRun', () => {
  it('is ok when every record sent is accounted for and the store grew by at most what was fetched', () => {
    const v = verifyRun({
      fetched: c(2, 5, 40),
      sentHere: c(2, 5, 40),
      written: c(2, 4, 40),
      olderVersions: c(0, 1, 0),
      before: c(1, 3, 10),
      stored: c(3, 7, 50),
    });
    expect(v.ok).toBe(true);
    expect(v.summary).toBe(
      'sessions: 2 fetched, 3 stored (+2); traces: 5 fetched, 7 stored (+4); observations: 40 fetched, 50 stored (+40); scores: 0 fetched, 0 stored (+0)',
    );
  });

  it('flags records the store did not account for, lost records and unexplained growth', () => {
    const v = verifyRun({
      fetched: c(0, 0, 40),
      sentHere: c(0, 0, 40),
      written: c(0, 0, 39),
      olderVersions: c(0, 0, 0),
      before: c(5, 0, 10),
      stored: c(4, 1, 49),
    });
    expect(v.ok).toBe(false);
    expect(v.summary).toContain('observations: the store accounted for 39 of 40 sent');
    expect(v.summary).toContain('sessions: the store lost 1 records');
    expect(v.summary).toContain('traces: the store gained more records than fetched');
  });
});
