import { describe, expect, it } from 'vitest';
import {
  type AgentSummaryParts,
  agentCategory,
  buildAgentSummary,
  type DashboardPreset,
} from '../../src/index';

const preset = {
  agentCategories: { Router: 'routing', Answer: 'content' },
} as unknown as DashboardPreset;

describe('agentCategory', () => {
  it('uses the preset’s own entries and falls back to other', () => {
    expect(agentCategory(preset, 'Router')).toBe('routing');
    expect(agentCategory(preset, 'Unknown')).toBe('other');
    expect(agentCategory(preset, 'constructor')).toBe('other');
    expect(agentCategory(preset, 'toString')).toBe('other');
  });
});

describe('buildAgentSummary', () => {
  const parts: AgentSummaryParts = {
    name: 'Answer',
    calls: 8,
    sessions: 3,
    errors: 2,
    latency: { avgMs: 100, p50Ms: 90, p95Ms: 180, p99Ms: 190 },
    cost: 0.125,
    tokens: { input: 10, output: 5, total: 15 },
    lastSeenAt: 1_000,
  };

  it('adds the category and the error rate', () => {
    expect(buildAgentSummary(preset, parts)).toEqual({
      ...parts,
      category: 'content',
      errorRate: 0.25,
    });
  });

  it('gives an error rate of 0 without calls and copies the tokens', () => {
    const summary = buildAgentSummary(preset, { ...parts, name: 'X', calls: 0, errors: 0 });
    expect(summary.errorRate).toBe(0);
    expect(summary.category).toBe('other');
    expect(summary.tokens).toEqual(parts.tokens);
    expect(summary.tokens).not.toBe(parts.tokens);
  });
});
