import type { DashboardPreset } from './types';

/** Cupid's agents and the kind of work each does. */
export const AGENT_CATEGORIES: Readonly<Record<string, string>> = Object.freeze({
  HasEnded: 'routing',
  StartCupidGame: 'control',
  Introduction: 'content',
  DisplayMortal: 'ui',
  Mortal: 'content',
  DisplayMatch: 'ui',
  Match: 'content',
  DisplayCompatibilityCard: 'ui',
  CompatibilityAnalysis: 'content',
  DisplayChoices: 'ui',
  CupidEvaluation: 'content',
  End: 'control',
});

/** Cupid's story chapters, 0 to 6. */
export const CHAPTER_NAMES: Readonly<Record<number, string>> = Object.freeze({
  0: 'Introduction',
  1: 'Mortal',
  2: 'Match',
  3: 'Compatibility',
  4: 'Story',
  5: 'Evaluation',
  6: 'End',
});

/** Which chapter each content and UI agent plays in. `HasEnded` runs every turn and marks none. */
export const AGENT_CHAPTERS: Readonly<Record<string, number>> = Object.freeze({
  StartCupidGame: 0,
  Introduction: 0,
  DisplayMortal: 1,
  Mortal: 1,
  DisplayMatch: 2,
  Match: 2,
  DisplayCompatibilityCard: 3,
  CompatibilityAnalysis: 3,
  DisplayChoices: 4,
  CupidEvaluation: 5,
  End: 6,
});

/**
 * The preset for Cupid, the dating-story game: a session is completed when it reaches chapter 6
 * (End), and abandoned after 30 minutes without activity; the dashboard heads with the mean
 * `helpfulness` the evaluator gives.
 */
export const cupidPreset: DashboardPreset = Object.freeze({
  name: 'cupid',
  agentCategories: AGENT_CATEGORIES,
  chapterNames: CHAPTER_NAMES,
  agentChapters: AGENT_CHAPTERS,
  chapterMetadataKey: 'chapter',
  completedAtChapter: 6,
  inactivityTimeoutMs: 30 * 60_000,
  // The evaluator's judgement of the story agents: the quality number next to cost and errors.
  headlineScores: Object.freeze(['helpfulness']),
});
