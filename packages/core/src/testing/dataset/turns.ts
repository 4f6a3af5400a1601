import type { Prng } from './prng';

/** One turn of a session: one trace, in one chapter. */
export interface TurnSpec {
  chapter: number;
  /** 0-based position of the turn within its chapter. */
  turnInChapter: number;
}

/** The story chapter, where the player makes choices turn after turn. */
export const STORY_CHAPTER = 4;
/** The chapter that completes a session. */
export const FINAL_CHAPTER = 6;

// An abandoned session is most likely to stop early (curiosity fades) or deep in the story.
const ABANDON_CHAPTER_WEIGHTS = [2, 2, 1.5, 1.5, 2.5, 1];
const ABANDON_CHAPTERS = [0, 1, 2, 3, 4, 5];

function turnsIn(chapter: number, random: Prng): number {
  if (chapter === STORY_CHAPTER) return random.int(4, 10);
  if (chapter >= 1 && chapter <= 3) return random.chance(0.3) ? 2 : 1;
  return 1;
}

/**
 * The turns a session walks through: chapters 0 → 6 in order, several story turns, and for an
 * abandoned session a stop part-way through a chapter below 6.
 *
 * @example
 * planTurns(new Prng(1), false).at(-1)?.chapter; // 6
 */
export function planTurns(random: Prng, abandoned: boolean): TurnSpec[] {
  const lastChapter = abandoned
    ? random.weighted(ABANDON_CHAPTERS, ABANDON_CHAPTER_WEIGHTS)
    : FINAL_CHAPTER;
  const turns: TurnSpec[] = [];
  for (let chapter = 0; chapter <= lastChapter; chapter++) {
    let count = turnsIn(chapter, random);
    if (abandoned && chapter === lastChapter) count = random.int(1, count);
    for (let turnInChapter = 0; turnInChapter < count; turnInChapter++) {
      turns.push({ chapter, turnInChapter });
    }
  }
  return turns;
}
