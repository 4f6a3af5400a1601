import type { EpochMs } from '../domain/records';
import type { DashboardPreset } from '../presets/types';
import type { ModelUsage } from '../store/agents';
import type { TokenCounts } from '../store/common';
import type { ChapterFunnelStep } from '../store/sessions';
import type { FunnelStepWire, ModelUsageWire, TokensWire } from './wire/common';

/** Epoch ms to the wire's ISO-8601 UTC string. */
export function iso(time: EpochMs): string {
  return new Date(time).toISOString();
}

/** Like {@link iso}, keeping null. */
export function isoOrNull(time: EpochMs | null): string | null {
  return time === null ? null : iso(time);
}

/** Token counts on the wire (a copy, so callers never share the store's objects). */
export function tokensToWire(tokens: TokenCounts): TokensWire {
  return { input: tokens.input, output: tokens.output, total: tokens.total };
}

/** A funnel step on the wire. */
export function funnelStepToWire(step: ChapterFunnelStep): FunnelStepWire {
  return { chapter: step.chapter, name: step.name, sessions: step.sessions, rate: step.rate };
}

/** Model usage on the wire. */
export function modelUsageToWire(usage: ModelUsage): ModelUsageWire {
  return {
    model: usage.model,
    calls: usage.calls,
    total_cost: usage.cost,
    tokens: tokensToWire(usage.tokens),
  };
}

/** The preset's name of a chapter, null when the chapter is null or unnamed. */
export function chapterName(preset: DashboardPreset, chapter: number | null): string | null {
  return chapter === null ? null : (preset.chapterNames[chapter] ?? null);
}
