import type { ObservationRecord } from '../../domain/records';
import type { AgentProfile } from './agents';
import { costOf } from './models';
import type { Prng } from './prng';
import { ERROR_MESSAGES, WARNING_MESSAGES } from './texts';

/** Share of successful generations marked WARNING (truncation, a retried 429, ...). */
const WARNING_SHARE = 0.015;
/** A session with errors is a rough one: its other generations warn more often. */
const WARNING_SHARE_IN_ERROR_SESSIONS = 0.06;

export interface GenerationDraw {
  model: string;
  input: unknown;
  output: unknown;
  /** Conversation messages already in the input, for a realistic prompt size. */
  historyLength: number;
  cachedTokensRate: number;
  errorSession: boolean;
}

/**
 * Fills a successful generation: model, usage (`input`, optional `input_cached_tokens`,
 * `output`, `total` = their sum), cost at {@link MODEL_PRICES}, time to first token and, rarely,
 * a WARNING.
 */
export function completeGeneration(
  record: ObservationRecord,
  profile: AgentProfile,
  draw: GenerationDraw,
  random: Prng,
): void {
  const promptTokens =
    (profile.baseInputTokens ?? 100) + 45 * draw.historyLength + random.int(0, 40);
  const outputTokens = Math.max(1, Math.round(random.logNormal(profile.outputTokens ?? 50, 0.35)));
  const usage: Record<string, number> = {};
  if (random.chance(draw.cachedTokensRate)) {
    const cached = Math.floor(promptTokens * random.between(0.4, 0.9));
    usage.input = promptTokens - cached;
    usage.input_cached_tokens = cached;
  } else {
    usage.input = promptTokens;
  }
  usage.output = outputTokens;
  usage.total = promptTokens + outputTokens;

  const latency = (record.endTime as number) - record.startTime;
  record.model = draw.model;
  record.input = draw.input;
  record.output = draw.output;
  record.usageDetails = usage;
  record.costDetails = costOf(draw.model, usage);
  record.totalCost = record.costDetails.total as number;
  record.completionStartTime =
    record.startTime +
    Math.min(latency, Math.max(120, Math.round(latency * random.between(0.15, 0.45))));
  const warningShare = draw.errorSession ? WARNING_SHARE_IN_ERROR_SESSIONS : WARNING_SHARE;
  if (random.chance(warningShare)) {
    record.level = 'WARNING';
    record.statusMessage = random.pick(WARNING_MESSAGES);
  }
}

/**
 * Turns a generation into a failed call: ERROR with the provider's message, no output, no
 * usage and no cost (providers do not bill failed calls). Timeouts last 60 s, others fail fast.
 */
export function failGeneration(
  record: ObservationRecord,
  draw: GenerationDraw,
  random: Prng,
): void {
  const message = random.pick(ERROR_MESSAGES);
  record.model = draw.model;
  record.input = draw.input;
  record.level = 'ERROR';
  record.statusMessage = message;
  record.endTime =
    record.startTime + (message.startsWith('Timeout') ? 60_000 : random.int(150, 1_500));
  record.updatedAt = record.endTime;
}
