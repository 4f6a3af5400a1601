import type { EpochMs } from '../domain/records';
import type { DashboardPreset } from '../presets/types';
import type { AgentSummary } from '../store/agents';
import type { LatencySummary, TokenCounts } from '../store/common';

/**
 * An agent's category: `preset.agentCategories[name]`, else `'other'`. Only the map's own keys
 * count, so an agent named like an `Object.prototype` member (`constructor`, `toString`) is
 * `'other'` too.
 *
 * @example
 * agentCategory(cupidPreset, 'Mortal'); // the category the preset gives Mortal
 * agentCategory(cupidPreset, 'constructor'); // 'other'
 */
export function agentCategory(preset: DashboardPreset, name: string): string {
  return Object.hasOwn(preset.agentCategories, name)
    ? (preset.agentCategories[name] ?? 'other')
    : 'other';
}

/** What a store computes for one agent; {@link buildAgentSummary} derives the rest. */
export interface AgentSummaryParts {
  name: string;
  /** Observations (of any type). */
  calls: number;
  /** Sessions whose first call of this agent is in range. */
  sessions: number;
  /** Observations with level `ERROR`. */
  errors: number;
  latency: LatencySummary;
  /** USD. */
  cost: number;
  tokens: TokenCounts;
  /** Latest start time of a call in range; null when there are none. */
  lastSeenAt: EpochMs | null;
}

/**
 * One agent's {@link AgentSummary} from its totals: adds the preset's category and the error
 * rate (`errors / calls`, 0 when there are no calls), and copies `tokens` so the summary shares
 * no object with the caller's totals.
 *
 * @example
 * buildAgentSummary(cupidPreset, { name: 'Mortal', calls: 4, sessions: 2, errors: 1, latency, cost: 0.5, tokens, lastSeenAt: null }).errorRate; // 0.25
 */
export function buildAgentSummary(
  preset: DashboardPreset,
  totals: AgentSummaryParts,
): AgentSummary {
  return {
    name: totals.name,
    category: agentCategory(preset, totals.name),
    calls: totals.calls,
    sessions: totals.sessions,
    errors: totals.errors,
    errorRate: totals.calls === 0 ? 0 : totals.errors / totals.calls,
    latency: totals.latency,
    cost: totals.cost,
    tokens: { ...totals.tokens },
    lastSeenAt: totals.lastSeenAt,
  };
}
