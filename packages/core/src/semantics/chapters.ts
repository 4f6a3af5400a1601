import type { ObservationRecord } from '../domain/records';
import type { DashboardPreset } from '../presets/types';
import type { ChapterFunnelStep } from '../store/sessions';

/**
 * The chapter an observation marks: the value under `preset.chapterMetadataKey` in its metadata
 * when that is a non-negative integer (or a string of digits, as JSON-text metadata gives it);
 * else `preset.agentChapters[name]`; else null (routing and control agents mark none).
 *
 * @example
 * observationChapter({ name: 'Mortal', metadata: null }, cupidPreset); // 1
 * observationChapter({ name: 'HasEnded', metadata: { chapter: '4' } }, cupidPreset); // 4
 * observationChapter({ name: 'HasEnded', metadata: null }, cupidPreset); // null
 */
export function observationChapter(
  observation: Pick<ObservationRecord, 'name' | 'metadata'>,
  preset: Pick<DashboardPreset, 'chapterMetadataKey' | 'agentChapters'>,
): number | null {
  const fromMetadata = parseChapter(observation.metadata?.[preset.chapterMetadataKey]);
  if (fromMetadata !== null) return fromMetadata;
  if (observation.name === null) return null;
  return Object.hasOwn(preset.agentChapters, observation.name)
    ? (preset.agentChapters[observation.name] ?? null)
    : null;
}

function parseChapter(value: unknown): number | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0 ? value : null;
  if (typeof value === 'string' && /^\d{1,9}$/.test(value.trim())) return Number(value.trim());
  return null;
}

/**
 * The preset's chapters in ascending numeric order.
 *
 * @example
 * presetChapters({ chapterNames: { 10: 'Ten', 2: 'Two' } }); // [2, 10]
 */
export function presetChapters(preset: Pick<DashboardPreset, 'chapterNames'>): number[] {
  return Object.keys(preset.chapterNames)
    .map(Number)
    .filter((chapter) => Number.isSafeInteger(chapter))
    .sort((a, b) => a - b);
}

/**
 * The chapter funnel: for each chapter of the preset, the sessions whose `chapterReached` is that
 * chapter or later (so the counts never grow along the funnel).
 *
 * @param chaptersReached one entry per session in scope (null: no chapter)
 * @example
 * chapterFunnel([0, 2, null], cupidPreset)[1]; // { chapter: 1, name: 'Mortal', sessions: 1, rate: 1 / 3 }
 */
export function chapterFunnel(
  chaptersReached: ReadonlyArray<number | null>,
  preset: Pick<DashboardPreset, 'chapterNames'>,
): ChapterFunnelStep[] {
  const counts = new Map<number | null, number>();
  for (const reached of chaptersReached) counts.set(reached, (counts.get(reached) ?? 0) + 1);
  return chapterFunnelOfCounts(
    [...counts].map(([chapterReached, sessions]) => ({ chapterReached, sessions })),
    preset,
  );
}

/**
 * {@link chapterFunnel} from a distribution of chapters reached instead of one entry per session,
 * as rollups keep it. The total (the rate's denominator) is the sum of every entry, null
 * chapters included.
 *
 * @example
 * chapterFunnelOfCounts([{ chapterReached: 2, sessions: 4 }, { chapterReached: null, sessions: 4 }], cupidPreset)[1];
 * // { chapter: 1, name: 'Mortal', sessions: 4, rate: 0.5 }
 */
export function chapterFunnelOfCounts(
  chapters: Iterable<{ chapterReached: number | null; sessions: number }>,
  preset: Pick<DashboardPreset, 'chapterNames'>,
): ChapterFunnelStep[] {
  const entries = [...chapters];
  const total = entries.reduce((sum, entry) => sum + entry.sessions, 0);
  return presetChapters(preset).map((chapter) => {
    let sessions = 0;
    for (const { chapterReached, sessions: count } of entries) {
      if (chapterReached !== null && chapterReached >= chapter) sessions += count;
    }
    return {
      chapter,
      name: preset.chapterNames[chapter] ?? String(chapter),
      sessions,
      rate: total === 0 ? 0 : sessions / total,
    };
  });
}
