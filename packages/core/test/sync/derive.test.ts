import { describe, expect, it } from 'vitest';
import {
  createMemoryStore,
  derivedTraceVersion,
  deriveTraces,
  type LangfuseObservationV2,
  observationV2ToRecord,
} from '../../src/index';

const row = (over: Partial<LangfuseObservationV2> & { id: string; startTime: string }) =>
  ({
    traceId: 't1',
    type: 'SPAN',
    parentObservationId: 'root',
    environment: 'default',
    ...over,
  }) as LangfuseObservationV2;

describe('deriveTraces', () => {
  const rows = [
    row({
      id: 'b',
      startTime: '2026-11-20T10:00:05Z',
      sessionId: 's1',
      userId: 'u1',
      traceName: 'turn',
      tags: ['a'],
    }),
    row({
      id: 'root',
      startTime: '2026-11-20T10:00:00Z',
      parentObservationId: null,
      isRootObservation: true,
      input: 'hi',
      output: 'hello',
    }),
    row({ id: 'x', traceId: 't2', startTime: '2026-11-20T11:00:00Z' }),
    row({ id: 'orphan', traceId: null, startTime: '2026-11-20T11:00:00Z' }),
  ];

  it('groups by trace: earliest start, trace context, root input/output, version = −earliest start', () => {
    const traces = deriveTraces(rows, rows.map(observationV2ToRecord));
    expect(traces).toHaveLength(2);
    const t1 = traces.find((t) => t.id === 't1');
    const start = Date.parse('2026-11-20T10:00:00Z');
    expect(t1).toMatchObject({
      timestamp: start,
      name: 'turn',
      sessionId: 's1',
      userId: 'u1',
      tags: ['a'],
      input: 'hi',
      output: 'hello',
      updatedAt: -start,
    });
  });

  it('lets the derivation that saw the earlier start win in a store, in any order', async () => {
    const store = createMemoryStore();
    const full = deriveTraces(rows.slice(0, 2), rows.slice(0, 2).map(observationV2ToRecord));
    const partial = deriveTraces(rows.slice(0, 1), rows.slice(0, 1).map(observationV2ToRecord));
    await store.upsert({ traces: full });
    const result = await store.upsert({ traces: partial });
    expect(result.skipped.traces).toBe(1);
    expect(derivedTraceVersion(1)).toBeGreaterThan(derivedTraceVersion(2));
  });
});
