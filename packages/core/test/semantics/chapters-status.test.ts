import { describe, expect, it } from 'vitest';
import { cupidPreset, type DashboardPreset } from '../../src/index';
import {
  chapterFunnel,
  observationChapter,
  presetChapters,
  sessionStatus,
} from '../../src/semantics/index';

describe('observationChapter', () => {
  it('reads the metadata key first, then the agent map', () => {
    expect(observationChapter({ name: 'Mortal', metadata: null }, cupidPreset)).toBe(1);
    expect(observationChapter({ name: 'Mortal', metadata: { chapter: 3 } }, cupidPreset)).toBe(3);
    expect(
      observationChapter({ name: 'HasEnded', metadata: { chapter: ' 4 ' } }, cupidPreset),
    ).toBe(4);
    expect(observationChapter({ name: 'HasEnded', metadata: null }, cupidPreset)).toBeNull();
    expect(observationChapter({ name: null, metadata: {} }, cupidPreset)).toBeNull();
  });

  it('ignores metadata values that are not chapter numbers', () => {
    for (const chapter of [-1, 1.5, 'two', '', null, true, {}]) {
      expect(observationChapter({ name: 'Match', metadata: { chapter } }, cupidPreset)).toBe(2);
    }
  });

  it('does not read chapters from inherited object keys', () => {
    expect(observationChapter({ name: 'toString', metadata: null }, cupidPreset)).toBeNull();
  });
});

describe('chapterFunnel', () => {
  it('counts sessions that reached each chapter or a later one', () => {
    const funnel = chapterFunnel([0, 2, null, 6], cupidPreset);
    expect(funnel.map((step) => step.sessions)).toEqual([3, 2, 2, 1, 1, 1, 1]);
    expect(funnel[1]).toEqual({ chapter: 1, name: 'Mortal', sessions: 2, rate: 0.5 });
    expect(chapterFunnel([], cupidPreset)[0]).toEqual({
      chapter: 0,
      name: 'Introduction',
      sessions: 0,
      rate: 0,
    });
  });

  it('orders chapters numerically', () => {
    const preset = { chapterNames: { 10: 'Ten', 2: 'Two', 1: 'One' } };
    expect(presetChapters(preset)).toEqual([1, 2, 10]);
  });
});

describe('sessionStatus', () => {
  const now = Date.parse('2026-11-20T12:00:00Z');
  const minutes = (n: number) => n * 60_000;

  it('is completed at the completion chapter, even with errors', () => {
    expect(
      sessionStatus({ chapterReached: 6, errorCount: 2, lastActivityAt: now }, cupidPreset, now),
    ).toBe('completed');
    expect(
      sessionStatus({ chapterReached: 7, errorCount: 0, lastActivityAt: 0 }, cupidPreset, now),
    ).toBe('completed');
  });

  it('is error before completion when an observation failed', () => {
    expect(
      sessionStatus({ chapterReached: 5, errorCount: 1, lastActivityAt: now }, cupidPreset, now),
    ).toBe('error');
  });

  it('turns abandoned exactly at the inactivity timeout', () => {
    const at = (ago: number) =>
      sessionStatus(
        { chapterReached: 2, errorCount: 0, lastActivityAt: now - ago },
        cupidPreset,
        now,
      );
    expect(at(minutes(30) - 1)).toBe('active');
    expect(at(minutes(30))).toBe('abandoned');
    expect(at(-minutes(5))).toBe('active');
    expect(
      sessionStatus({ chapterReached: null, errorCount: 0, lastActivityAt: now }, cupidPreset, now),
    ).toBe('active');
  });

  it('follows the preset', () => {
    const preset: DashboardPreset = {
      ...cupidPreset,
      completedAtChapter: 2,
      inactivityTimeoutMs: 1000,
    };
    expect(
      sessionStatus({ chapterReached: 2, errorCount: 0, lastActivityAt: 0 }, preset, now),
    ).toBe('completed');
    expect(
      sessionStatus({ chapterReached: 1, errorCount: 0, lastActivityAt: now - 1000 }, preset, now),
    ).toBe('abandoned');
  });
});
