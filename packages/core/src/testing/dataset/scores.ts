import type { ObservationRecord, TraceRecord } from '../../domain/records';
import type { ScoreRecord } from '../../domain/score';
import type { ResolvedDatasetOptions } from './options';
import { mixSeed, Prng } from './prng';

const SCORES_SALT = 0x73636f72;

/** The names of the generated scores. */
export const SCORE_NAMES = {
  /** NUMERIC 0–1, source EVAL: an LLM-as-judge on some content agents' generations. */
  helpfulness: 'helpfulness',
  /** BOOLEAN, source API: the player's thumbs up or down at the end of some sessions. */
  feedback: 'user-feedback',
  /** CATEGORICAL, source ANNOTATION: a reviewer's label on a few turns. */
  tone: 'tone',
} as const;

/** The agents the evaluator judges, and the share of their generations it scores. */
const EVALUATED_AGENTS = new Set(['Mortal', 'Match', 'CupidEvaluation']);
const EVALUATED_SHARE = 0.4;
const FEEDBACK_SHARE = 0.35;
const TONE_SHARE = 0.08;
const TONES = ['playful', 'romantic', 'awkward', 'flat'] as const;

/** What one session's scores are drawn from: its complete records. */
export interface SessionScoreInput {
  sessionIndex: number;
  sessionId: string;
  abandoned: boolean;
  traces: readonly TraceRecord[];
  observations: readonly ObservationRecord[];
}

type ScoreDraft = Omit<ScoreRecord, 'id' | 'environment' | 'updatedAt' | 'comment' | 'configId'> &
  Partial<Pick<ScoreRecord, 'comment' | 'configId'>>;

/**
 * Draws one session's scores from a random source of its own (so the rest of the dataset is the
 * same with or without scores):
 * - `helpfulness` on 40% of the error-free generations of Mortal, Match and CupidEvaluation,
 *   2–30 s after the generation ended, around 0.7 (Match a little lower), two decimals;
 * - `user-feedback` on 35% of sessions, 5–120 s after the last step: true for 80% of completed
 *   sessions and 30% of abandoned ones;
 * - `tone` on 8% of turns, 1–6 hours after the turn, one of playful, romantic, awkward, flat.
 *
 * With `lateUpdates` (share p), a share p of scores only arrive 10–15 minutes after their
 * timestamp (they are in `lateScores`, not `scores`), and a share p of the `helpfulness` scores
 * are re-evaluated: the first version is in `scores`, a changed one (same id and timestamp,
 * later `updatedAt`) in `lateScores`. `scores` is in timestamp order, `lateScores` in arrival
 * (`updatedAt`) order.
 *
 * @example
 * const { scores, lateScores } = drawSessionScores(input, resolveDatasetOptions({ lateUpdates: 0.1 }));
 */
export function drawSessionScores(
  input: SessionScoreInput,
  options: ResolvedDatasetOptions,
): { scores: ScoreRecord[]; lateScores: ScoreRecord[] } {
  if (!options.scores) return { scores: [], lateScores: [] };
  const random = new Prng(mixSeed(options.seed, input.sessionIndex, SCORES_SALT));
  const drafts = [
    ...helpfulness(input.observations, random),
    ...feedback(input, random),
    ...tones(input.traces, random),
  ];
  const all = drafts.map(
    (draft): ScoreRecord => ({
      comment: null,
      configId: null,
      ...draft,
      id: random.uuid(),
      environment: options.environment,
      updatedAt: draft.timestamp,
    }),
  );
  all.sort((a, b) => a.timestamp - b.timestamp);
  return splitLateScores(all, options.lateUpdates, random);
}

function helpfulness(observations: readonly ObservationRecord[], random: Prng): ScoreDraft[] {
  const drafts: ScoreDraft[] = [];
  for (const o of observations) {
    if (o.type !== 'GENERATION' || o.level === 'ERROR' || !EVALUATED_AGENTS.has(o.name ?? '')) {
      continue;
    }
    if (!random.chance(EVALUATED_SHARE)) continue;
    const value = helpfulnessValue(random, o.name === 'Match' ? 0.6 : 0.72);
    drafts.push({
      name: SCORE_NAMES.helpfulness,
      dataType: 'NUMERIC',
      value,
      stringValue: null,
      source: 'EVAL',
      traceId: o.traceId,
      observationId: o.id,
      sessionId: null,
      timestamp: (o.endTime ?? o.startTime) + random.int(2_000, 30_000),
      comment: value < 0.4 ? 'The answer ignores what the player asked.' : null,
    });
  }
  return drafts;
}

/** A judge's 0–1 rating around `mean`, rounded to two decimals as judges report them. */
function helpfulnessValue(random: Prng, mean: number): number {
  const raw = mean + 0.15 * random.normal();
  return Math.round(Math.min(1, Math.max(0, raw)) * 100) / 100;
}

function feedback(input: SessionScoreInput, random: Prng): ScoreDraft[] {
  if (!random.chance(FEEDBACK_SHARE) || input.observations.length === 0) return [];
  let end = 0;
  for (const o of input.observations) end = Math.max(end, o.endTime ?? o.startTime);
  const liked = random.chance(input.abandoned ? 0.3 : 0.8);
  return [
    {
      name: SCORE_NAMES.feedback,
      dataType: 'BOOLEAN',
      value: liked ? 1 : 0,
      stringValue: liked ? 'True' : 'False',
      source: 'API',
      traceId: null,
      observationId: null,
      sessionId: input.sessionId,
      timestamp: end + random.int(5_000, 120_000),
    },
  ];
}

function tones(traces: readonly TraceRecord[], random: Prng): ScoreDraft[] {
  const drafts: ScoreDraft[] = [];
  for (const trace of traces) {
    if (!random.chance(TONE_SHARE)) continue;
    drafts.push({
      name: SCORE_NAMES.tone,
      dataType: 'CATEGORICAL',
      value: null,
      stringValue: random.pick(TONES),
      source: 'ANNOTATION',
      traceId: trace.id,
      observationId: null,
      sessionId: null,
      timestamp: trace.timestamp + random.int(3_600_000, 6 * 3_600_000),
      configId: 'tone-labels',
    });
  }
  return drafts;
}

/** Moves late scores and the re-evaluated versions of overwritten ones to `lateScores`. */
function splitLateScores(
  all: ScoreRecord[],
  share: number,
  random: Prng,
): { scores: ScoreRecord[]; lateScores: ScoreRecord[] } {
  if (share === 0) return { scores: all, lateScores: [] };
  const scores: ScoreRecord[] = [];
  const lateScores: ScoreRecord[] = [];
  for (const score of all) {
    const arrival = score.timestamp + random.int(600_000, 900_000);
    if (random.chance(share)) {
      lateScores.push({ ...score, updatedAt: arrival });
      continue;
    }
    scores.push(score);
    if (score.dataType === 'NUMERIC' && random.chance(share)) {
      const value = helpfulnessValue(random, 0.72);
      lateScores.push({ ...score, value, comment: 'Re-evaluated', updatedAt: arrival });
    }
  }
  lateScores.sort((a, b) => (a.updatedAt as number) - (b.updatedAt as number));
  return { scores, lateScores };
}
