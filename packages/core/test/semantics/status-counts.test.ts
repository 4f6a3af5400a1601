import { describe, expect, it } from 'vitest';
import { cupidPreset } from '../../src/index';
import {
  activeAfter,
  chapterFunnel,
  chapterFunnelOfCounts,
  countStatuses,
  sessionCompleted,
  sessionStatus,
} from '../../src/semantics/index';

describe('status counts from a chapter distribution', () => {
  it('agrees with sessionStatus applied to each session', () => {
    const now = 10_000_000;
    const after = activeAfter(cupidPreset, now);
    const sessions = [
      { chapterReached: 6, errorCount: 1, lastActivityAt: now },
      { chapterReached: 7, errorCount: 0, lastActivityAt: 0 },
      { chapterReached: 2, errorCount: 2, lastActivityAt: now },
      { chapterReached: null, errorCount: 1, lastActivityAt: 0 },
      { chapterReached: 2, errorCount: 0, lastActivityAt: after + 1 },
      { chapterReached: 2, errorCount: 0, lastActivityAt: after },
      { chapterReached: null, errorCount: 0, lastActivityAt: 0 },
    ];
    const expected = { completed: 0, active: 0, abandoned: 0, error: 0 };
    for (const session of sessions) expected[sessionStatus(session, cupidPreset, now)]++;

    const chapters = new Map<number | null, { sessions: number; withErrors: number }>();
    let active = 0;
    for (const session of sessions) {
      const entry = chapters.get(session.chapterReached) ?? { sessions: 0, withErrors: 0 };
      entry.sessions++;
      if (session.errorCount > 0) entry.withErrors++;
      chapters.set(session.chapterReached, entry);
      const recent = session.lastActivityAt > after;
      if (
        recent &&
        session.errorCount === 0 &&
        !sessionCompleted(session.chapterReached, cupidPreset)
      ) {
        active++;
      }
    }
    const counts = countStatuses(
      [...chapters].map(([chapterReached, entry]) => ({ chapterReached, ...entry })),
      active,
      cupidPreset,
    );
    expect(counts).toEqual(expected);
    expect(counts).toEqual({ completed: 2, active: 1, abandoned: 2, error: 2 });
  });
});

describe('chapterFunnelOfCounts', () => {
  it('gives the funnel chapterFunnel gives for the same sessions', () => {
    const reached = [0, 2, 2, null, 6, 3, null];
    const counts = new Map<number | null, number>();
    for (const chapter of reached) counts.set(chapter, (counts.get(chapter) ?? 0) + 1);
    const fromCounts = chapterFunnelOfCounts(
      [...counts].map(([chapterReached, sessions]) => ({ chapterReached, sessions })),
      cupidPreset,
    );
    expect(fromCounts).toEqual(chapterFunnel(reached, cupidPreset));
    expect(fromCounts.find((step) => step.chapter === 2)?.sessions).toBe(4);
  });

  it('has zero rates when there are no sessions', () => {
    expect(chapterFunnelOfCounts([], cupidPreset).every((step) => step.rate === 0)).toBe(true);
  });
});
