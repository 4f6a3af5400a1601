import { describe, expect, it } from 'vitest';
import { generateCupidDataset, summarizeDataset } from '../../src/testing/dataset/index';

const dataset = generateCupidDataset({ seed: 5, sessions: 300 });

function chaptersBySession(): Map<string, number[]> {
  const chapters = new Map<string, number[]>();
  for (const t of dataset.traces) {
    const list = chapters.get(t.sessionId as string) ?? [];
    list.push((t.metadata as { chapter: number }).chapter);
    chapters.set(t.sessionId as string, list);
  }
  return chapters;
}

describe('generated sessions', () => {
  it('walk the chapters in order from 0, one step at a time', () => {
    for (const chapters of chaptersBySession().values()) {
      expect(chapters[0]).toBe(0);
      for (let i = 1; i < chapters.length; i++) {
        const step = (chapters[i] as number) - (chapters[i - 1] as number);
        expect(step === 0 || step === 1).toBe(true);
      }
    }
  });

  it('tags each turn with its chapter and runs HasEnded in every turn', () => {
    const hasEnded = new Set(
      dataset.observations.filter((o) => o.name === 'HasEnded').map((o) => o.traceId),
    );
    for (const t of dataset.traces) {
      const chapter = (t.metadata as { chapter: number }).chapter;
      expect(t.tags).toEqual(['cupid', `chapter:${chapter}`]);
      expect(t.name).toBe('cupid-turn');
      expect(hasEnded.has(t.id)).toBe(true);
    }
  });

  it('has the asked shares of abandoned, failing and anonymous sessions', () => {
    const summary = summarizeDataset(dataset);
    expect(summary.sessions).toBe(300);
    expect(summary.abandoned).toBe(90);
    expect(summary.completed).toBe(210);
    expect(summary.sessionsWithErrors).toBe(24);
    expect(summary.anonymousSessions).toBe(15);
    expect(summary.users).toBe(100);
    expect(summary.warnings).toBeGreaterThan(0);
    const custom = summarizeDataset(
      generateCupidDataset({ sessions: 200, abandonRate: 0.5, errorRate: 0.25, anonymousRate: 0 }),
    );
    expect(custom.abandoned).toBe(100);
    expect(custom.sessionsWithErrors).toBe(50);
    expect(custom.anonymousSessions).toBe(0);
  });

  it('ends completed sessions with End and abandoned ones below chapter 6', () => {
    let completed = 0;
    for (const chapters of chaptersBySession().values()) {
      const last = chapters.at(-1) as number;
      if (last === 6) completed++;
      expect(chapters.filter((c) => c === 6).length).toBeLessThanOrEqual(1);
    }
    expect(completed).toBe(210);
    const ends = dataset.observations.filter((o) => o.name === 'End');
    expect(ends).toHaveLength(210);
    expect(ends.every((o) => o.type === 'EVENT' && o.endTime === o.startTime)).toBe(true);
  });

  it('gives errors a status message and a successful retry', () => {
    const errors = dataset.observations.filter((o) => o.level === 'ERROR');
    expect(errors.length).toBeGreaterThanOrEqual(24);
    for (const error of errors) {
      expect(error.statusMessage).toEqual(expect.any(String));
      const retry = dataset.observations.find(
        (o) =>
          o.traceId === error.traceId && o.name === error.name && o.startTime > error.startTime,
      );
      expect(retry?.level).not.toBe('ERROR');
      expect(retry?.metadata).toMatchObject({ attempt: 2 });
    }
  });

  it('lists exactly the users who play, some of them several times', () => {
    const perUser = new Map<string, number>();
    for (const t of dataset.traces) {
      if (t.userId !== null && (t.metadata as { chapter: number }).chapter === 0) {
        perUser.set(t.userId, (perUser.get(t.userId) ?? 0) + 1);
      }
    }
    expect([...perUser.keys()].sort()).toEqual([...dataset.users].sort());
    expect(Math.max(...perUser.values())).toBeGreaterThan(3);
  });

  it('averages about 50 observations per session and starts more sessions in the evening', () => {
    const perSession = dataset.observations.length / dataset.sessions.length;
    expect(perSession).toBeGreaterThan(40);
    expect(perSession).toBeLessThan(60);
    const hour = (ms: number) => new Date(ms).getUTCHours();
    const evening = dataset.sessions.filter(
      (s) => hour(s.createdAt) >= 18 && hour(s.createdAt) < 22,
    );
    const night = dataset.sessions.filter((s) => hour(s.createdAt) >= 2 && hour(s.createdAt) < 6);
    expect(evening.length).toBeGreaterThan(3 * night.length);
  });
});

describe('edge sizes', () => {
  it('builds a single session', () => {
    const one = generateCupidDataset({ sessions: 1, seed: 4 });
    expect(one.sessions).toHaveLength(1);
    expect(one.users).toHaveLength(1);
    expect(summarizeDataset(one)).toMatchObject({ completed: 1, abandoned: 0, errors: 0 });
  });

  it('builds only anonymous sessions when asked, with no users', () => {
    const anonymous = generateCupidDataset({ sessions: 12, anonymousRate: 1 });
    expect(anonymous.users).toEqual([]);
    expect(anonymous.observations.every((o) => o.userId === null)).toBe(true);
    expect(anonymous.traces.every((t) => t.userId === null)).toBe(true);
  });

  it('uses the given environment and window', () => {
    const staged = generateCupidDataset({
      sessions: 8,
      environment: 'staging',
      end: '2026-01-01T00:00:00Z',
      days: 1,
    });
    expect(staged.range).toEqual({
      from: Date.parse('2025-12-31T00:00:00Z'),
      to: Date.parse('2026-01-01T00:00:00Z'),
    });
    for (const s of staged.sessions) {
      expect(s.environment).toBe('staging');
      expect(s.createdAt).toBeGreaterThanOrEqual(staged.range.from);
      expect(s.createdAt).toBeLessThan(staged.range.to);
    }
    expect(staged.observations.every((o) => o.environment === 'staging')).toBe(true);
  });
});
