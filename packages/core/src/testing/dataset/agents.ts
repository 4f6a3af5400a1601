/** How one agent behaves in generated data: its observation type, model mix, tokens and speed. */
export interface AgentProfile {
  name: string;
  type: 'GENERATION' | 'SPAN' | 'EVENT';
  /** Models and their relative weights; chosen once per session. Generations only. */
  models?: { names: readonly string[]; weights: readonly number[] };
  /** Prompt tokens besides the conversation history (system prompt, tools). */
  baseInputTokens?: number;
  /** Median output tokens. */
  outputTokens?: number;
  /** Median latency in ms and the spread of its log-normal distribution. */
  latencyMs: number;
  latencySigma: number;
}

const MINI = 'gpt-4o-mini';
const GPT4O = 'gpt-4o';
const SONNET = 'claude-3-5-sonnet-20241022';

function generation(
  name: string,
  models: [string[], number[]],
  baseInputTokens: number,
  outputTokens: number,
  latencyMs: number,
): AgentProfile {
  return {
    name,
    type: 'GENERATION',
    models: { names: models[0], weights: models[1] },
    baseInputTokens,
    outputTokens,
    latencyMs,
    latencySigma: 0.55,
  };
}

/** Every agent of the Cupid preset, by name. */
export const AGENT_PROFILES: Readonly<Record<string, AgentProfile>> = Object.freeze({
  HasEnded: { ...generation('HasEnded', [[MINI], [1]], 180, 6, 450), latencySigma: 0.4 },
  StartCupidGame: { name: 'StartCupidGame', type: 'SPAN', latencyMs: 120, latencySigma: 0.5 },
  Introduction: generation(
    'Introduction',
    [
      [MINI, GPT4O],
      [4, 1],
    ],
    420,
    60,
    1300,
  ),
  Mortal: generation(
    'Mortal',
    [
      [GPT4O, SONNET, MINI],
      [45, 35, 20],
    ],
    520,
    90,
    1700,
  ),
  Match: generation(
    'Match',
    [
      [GPT4O, SONNET, MINI],
      [45, 35, 20],
    ],
    560,
    90,
    1800,
  ),
  CompatibilityAnalysis: generation(
    'CompatibilityAnalysis',
    [
      [GPT4O, SONNET],
      [1, 1],
    ],
    700,
    160,
    2600,
  ),
  CupidEvaluation: generation(
    'CupidEvaluation',
    [
      [SONNET, GPT4O],
      [3, 2],
    ],
    820,
    140,
    2400,
  ),
  DisplayMortal: { name: 'DisplayMortal', type: 'SPAN', latencyMs: 60, latencySigma: 0.6 },
  DisplayMatch: { name: 'DisplayMatch', type: 'SPAN', latencyMs: 60, latencySigma: 0.6 },
  DisplayCompatibilityCard: {
    name: 'DisplayCompatibilityCard',
    type: 'SPAN',
    latencyMs: 80,
    latencySigma: 0.6,
  },
  DisplayChoices: { name: 'DisplayChoices', type: 'SPAN', latencyMs: 50, latencySigma: 0.6 },
  End: { name: 'End', type: 'EVENT', latencyMs: 0, latencySigma: 0 },
});

/**
 * The agents of one turn in each chapter, in the order they run. `HasEnded` routes every turn
 * first; in the story chapter the mortal and the match both answer the player's choice.
 */
export const CHAPTER_STEPS: Readonly<Record<number, readonly string[]>> = Object.freeze({
  0: ['HasEnded', 'StartCupidGame', 'Introduction'],
  1: ['HasEnded', 'Mortal', 'DisplayMortal'],
  2: ['HasEnded', 'Match', 'DisplayMatch'],
  3: ['HasEnded', 'CompatibilityAnalysis', 'DisplayCompatibilityCard'],
  4: ['HasEnded', 'Match', 'Mortal', 'DisplayChoices'],
  5: ['HasEnded', 'CupidEvaluation'],
  6: ['HasEnded', 'End'],
});

/** Name of each turn's trace and of its root span. */
export const TURN_NAME = 'cupid-turn';
