/**
 * What is specific to one app: its agents, their categories and chapters, and what marks a
 * session completed. Plain data, so every store (in memory, SQL) can apply it the same way.
 *
 * @example
 * const supportBotPreset: DashboardPreset = {
 *   name: 'support-bot',
 *   agentCategories: { Router: 'routing', Answer: 'content' },
 *   chapterNames: { 0: 'Triage', 1: 'Answer' },
 *   agentChapters: { Router: 0, Answer: 1 },
 *   chapterMetadataKey: 'step',
 *   completedAtChapter: 1,
 *   inactivityTimeoutMs: 15 * 60_000,
 * };
 */
export interface DashboardPreset {
  /** A short identifier, shown in status output. */
  name: string;
  /** Agent (observation name) to category, e.g. `{ Mortal: 'content' }`. Unknown agents are `'other'`. */
  agentCategories: Readonly<Record<string, string>>;
  /** Chapter number to display name, e.g. `{ 0: 'Introduction' }`. */
  chapterNames: Readonly<Record<number, string>>;
  /** Agent to the chapter it belongs to; agents absent here (routing, control) mark no chapter. */
  agentChapters: Readonly<Record<string, number>>;
  /**
   * Observation metadata key holding the chapter number. When present on an observation it wins
   * over {@link agentChapters}.
   */
  chapterMetadataKey: string;
  /** A session that reached this chapter (or a later one) is completed. */
  completedAtChapter: number;
  /**
   * A session with no activity for this long and not completed is abandoned; within it, active.
   * Milliseconds.
   */
  inactivityTimeoutMs: number;
  /**
   * Score names (e.g. `['helpfulness']`) whose mean the dashboard shows beside its KPIs, in this
   * order. Default none.
   */
  headlineScores?: readonly string[];
}
