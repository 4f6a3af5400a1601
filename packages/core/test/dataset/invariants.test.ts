import { describe, expect, it } from 'vitest';
import type { ObservationRecord, TraceRecord } from '../../src/domain/records';
import { AGENT_CATEGORIES, AGENT_CHAPTERS } from '../../src/presets/cupid';
import { costOf, generateCupidDataset, MODEL_PRICES } from '../../src/testing/dataset/index';

const dataset = generateCupidDataset({ seed: 11, sessions: 300 });
const tracesById = new Map(dataset.traces.map((t) => [t.id, t]));
const observationsById = new Map(dataset.observations.map((o) => [o.id, o]));
const DAY = 86_400_000;

function isSorted(values: number[]): boolean {
  return values.every((value, i) => i === 0 || (values[i - 1] as number) <= value);
}

describe('generated records', () => {
  it('has unique ids of the expected shapes', () => {
    expect(new Set(dataset.sessions.map((s) => s.id)).size).toBe(300);
    expect(tracesById.size).toBe(dataset.traces.length);
    expect(observationsById.size).toBe(dataset.observations.length);
    for (const s of dataset.sessions)
      expect(s.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    for (const t of dataset.traces.slice(0, 50)) expect(t.id).toMatch(/^[0-9a-f]{32}$/);
    for (const u of dataset.users) expect(u).toMatch(/^user_[0-9a-f]{12}$/);
  });

  it('orders sessions, traces and observations by time', () => {
    expect(isSorted(dataset.sessions.map((s) => s.createdAt))).toBe(true);
    expect(isSorted(dataset.traces.map((t) => t.timestamp))).toBe(true);
    expect(isSorted(dataset.observations.map((o) => o.startTime))).toBe(true);
  });

  it('links every observation to its trace, session and user', () => {
    for (const o of dataset.observations) {
      const trace = tracesById.get(o.traceId as string) as TraceRecord;
      expect(trace).toBeDefined();
      expect(o.sessionId).toBe(trace.sessionId);
      expect(o.userId).toBe(trace.userId);
      expect(o.environment).toBe('default');
      if (o.parentObservationId !== null) {
        const parent = observationsById.get(o.parentObservationId) as ObservationRecord;
        expect(parent.traceId).toBe(o.traceId);
        expect(parent.startTime).toBeLessThanOrEqual(o.startTime);
        expect(parent.endTime).toBeGreaterThanOrEqual(o.endTime as number);
      }
    }
  });

  it('starts sessions in the window, each at its first trace, with all times in order', () => {
    const { from, to } = dataset.range;
    const firstTrace = new Map<string, number>();
    for (const t of dataset.traces) {
      const id = t.sessionId as string;
      firstTrace.set(id, Math.min(firstTrace.get(id) ?? Number.POSITIVE_INFINITY, t.timestamp));
    }
    for (const s of dataset.sessions) {
      expect(s.createdAt).toBeGreaterThanOrEqual(from);
      expect(s.createdAt).toBeLessThan(to);
      expect(firstTrace.get(s.id)).toBe(s.createdAt);
    }
    const traceStart = new Map<string, number>();
    for (const o of dataset.observations) {
      expect(o.startTime).toBeGreaterThanOrEqual(from);
      expect(o.startTime).toBeLessThan(to + DAY);
      expect(o.endTime).toBeGreaterThanOrEqual(o.startTime);
      expect(o.updatedAt).toBe(o.endTime);
      if (o.completionStartTime !== null) {
        expect(o.completionStartTime).toBeGreaterThanOrEqual(o.startTime);
        expect(o.completionStartTime).toBeLessThanOrEqual(o.endTime as number);
      }
      const id = o.traceId as string;
      traceStart.set(id, Math.min(traceStart.get(id) ?? Number.POSITIVE_INFINITY, o.startTime));
    }
    for (const t of dataset.traces) expect(traceStart.get(t.id)).toBe(t.timestamp);
  });

  it('prices generations consistently and leaves spans without cost', () => {
    for (const o of dataset.observations) {
      if (o.type !== 'GENERATION') {
        expect(o.model).toBeNull();
        expect(o.totalCost).toBeNull();
        expect(o.usageDetails).toEqual({});
        continue;
      }
      expect(Object.keys(MODEL_PRICES)).toContain(o.model);
      if (o.level === 'ERROR') {
        expect(o.totalCost).toBeNull();
        expect(o.output).toBeNull();
        continue;
      }
      const u = o.usageDetails;
      expect(u.total).toBe(
        (u.input as number) + (u.input_cached_tokens ?? 0) + (u.output as number),
      );
      expect(o.costDetails).toEqual(costOf(o.model as string, u));
      const parts = Object.entries(o.costDetails).filter(([key]) => key !== 'total');
      const sum = parts.reduce((acc, [, usd]) => acc + usd, 0);
      expect(o.totalCost).toBeCloseTo(sum, 10);
      expect(o.totalCost).toBe(o.costDetails.total);
      expect(o.completionStartTime).not.toBeNull();
    }
  });

  it('uses only the preset agents, each as its kind of observation', () => {
    for (const o of dataset.observations) {
      if (o.parentObservationId === null) {
        expect(o.name).toBe('cupid-turn');
        continue;
      }
      const category = AGENT_CATEGORIES[o.name as string];
      expect(category).toBeDefined();
      const expectedType = { routing: 'GENERATION', content: 'GENERATION', ui: 'SPAN' }[
        category as string
      ];
      if (expectedType) expect(o.type).toBe(expectedType);
      expect(o.metadata).toMatchObject({ agent: o.name });
      const chapter = (o.metadata as { chapter: number }).chapter;
      // Agents run in their own chapter, except the story chapter where the couple talks.
      if (o.name !== 'HasEnded' && chapter !== 4)
        expect(AGENT_CHAPTERS[o.name as string]).toBe(chapter);
    }
  });

  it('repeats the conversation history in generation inputs', () => {
    const session = dataset.sessions.find((s) =>
      dataset.observations.some((o) => o.sessionId === s.id && o.name === 'CupidEvaluation'),
    );
    const generations = dataset.observations.filter(
      (o) => o.sessionId === session?.id && o.type === 'GENERATION' && o.name !== 'HasEnded',
    );
    const evaluation = generations.find((o) => o.name === 'CupidEvaluation') as ObservationRecord;
    const input = evaluation.input as { role: string; content: string }[];
    expect(input[0]?.role).toBe('system');
    expect(input.at(-1)?.role).toBe('user');
    // The answer just before the evaluation (the story's last) is in its history, and the
    // history is windowed: system prompt + at most 12 messages + the new player message.
    const previous = generations[generations.indexOf(evaluation) - 1] as ObservationRecord;
    expect(input.map((m) => m.content)).toContain(previous.output);
    expect(input.length).toBe(14);
    // Repeated history reuses the very same message objects.
    const earlier = previous.input as object[];
    expect(input).toContain(earlier[earlier.length - 2]);
    for (const o of dataset.observations) {
      if (!Array.isArray(o.input)) continue;
      for (const message of o.input as { content: string }[]) {
        expect(message.content.length).toBeGreaterThanOrEqual(40);
        expect(message.content.length).toBeLessThanOrEqual(200);
      }
    }
  });

  it('tells a story without repeating a line until the pool of 16 is used up', () => {
    const lines = new Map<string, string[]>();
    for (const o of dataset.observations) {
      if ((o.metadata as { chapter: number }).chapter !== 4 || o.type !== 'GENERATION') continue;
      if (o.name === 'HasEnded' || o.level === 'ERROR') continue;
      const list = lines.get(o.sessionId as string) ?? [];
      list.push(o.output as string);
      lines.set(o.sessionId as string, list);
    }
    expect(lines.size).toBeGreaterThan(200);
    for (const list of lines.values()) {
      const first = list.slice(0, 16);
      expect(new Set(first).size).toBe(first.length);
    }
    const nonAscii = dataset.observations.filter((o) =>
      /[\u0080-\u{10ffff}]/u.test(String(o.output)),
    );
    expect(nonAscii.length).toBeGreaterThan(0);
  });

  it('has a long-tailed latency: mostly 0.5–3 s, a few 20–60 s', () => {
    const latencies = dataset.observations
      .filter((o) => o.type === 'GENERATION' && o.name !== 'HasEnded' && o.level !== 'ERROR')
      .map((o) => (o.endTime as number) - o.startTime)
      .sort((a, b) => a - b);
    const median = latencies[Math.floor(latencies.length / 2)] as number;
    expect(median).toBeGreaterThan(1_000);
    expect(median).toBeLessThan(3_000);
    const slow = latencies.filter((ms) => ms >= 20_000).length / latencies.length;
    expect(slow).toBeGreaterThan(0.01);
    expect(slow).toBeLessThan(0.06);
    expect(latencies.at(-1)).toBeLessThanOrEqual(60_000);
  });
});
