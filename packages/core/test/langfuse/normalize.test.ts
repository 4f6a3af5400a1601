import { describe, expect, it } from 'vitest';
import {
  type LangfuseObservation,
  type LangfuseObservationV2,
  observationToRecord,
  observationV2ToRecord,
  sessionToRecord,
  traceToRecord,
} from '../../src/index';
import { metadataObject } from '../../src/langfuse/normalize/index';

const T0 = '2026-11-20T10:00:00.000Z';
const T0_MS = 1_795_168_800_000; // Date.UTC(2026, 10, 20, 10)

describe('sessionToRecord', () => {
  it('converts createdAt to epoch ms and defaults the environment', () => {
    expect(sessionToRecord({ id: 's1', createdAt: T0, projectId: 'p', environment: null })).toEqual(
      {
        id: 's1',
        createdAt: T0_MS,
        environment: 'default',
      },
    );
  });
});

describe('traceToRecord', () => {
  it('maps a legacy trace, nulls for absent fields, updatedAt when sent', () => {
    expect(
      traceToRecord({
        id: 't1',
        timestamp: '2026-11-20T11:00:00+01:00',
        name: 'turn',
        sessionId: 's1',
        userId: null,
        tags: null,
        metadata: { a: 1 },
        environment: 'prod',
        updatedAt: '2026-11-20T10:00:05.000Z',
      }),
    ).toEqual({
      id: 't1',
      timestamp: T0_MS,
      name: 'turn',
      sessionId: 's1',
      userId: null,
      tags: [],
      release: null,
      version: null,
      environment: 'prod',
      input: null,
      output: null,
      metadata: { a: 1 },
      updatedAt: T0_MS + 5000,
    });
  });
});

describe('observationToRecord (legacy v1)', () => {
  const base: LangfuseObservation = {
    id: 'o1',
    traceId: 't1',
    type: 'GENERATION',
    name: 'Mortal',
    startTime: T0,
    endTime: '2026-11-20T10:00:02.500Z',
    model: 'gpt-4o-mini',
    input: [{ role: 'user', content: 'Hi' }],
    output: 'Hello',
    metadata: { chapter: 1 },
    level: null,
    usageDetails: { input: 12, output: 4, total: 16 },
    costDetails: { input: 0.000002, output: 0.0000024, total: 0.0000044, cached: null },
    calculatedTotalCost: 9,
  };

  it('maps times, costs (total from costDetails) and the default level', () => {
    const record = observationToRecord(base);
    expect(record).toMatchObject({
      id: 'o1',
      traceId: 't1',
      startTime: T0_MS,
      endTime: T0_MS + 2500,
      completionStartTime: null,
      level: 'DEFAULT',
      model: 'gpt-4o-mini',
      input: [{ role: 'user', content: 'Hi' }],
      metadata: { chapter: 1 },
      usageDetails: { input: 12, output: 4, total: 16 },
      costDetails: { input: 0.000002, output: 0.0000024, total: 0.0000044 },
      totalCost: 0.0000044,
      sessionId: null,
      userId: null,
      environment: 'default',
      updatedAt: null,
    });
  });

  it('falls back to calculatedTotalCost, then null', () => {
    expect(observationToRecord({ ...base, costDetails: {} }).totalCost).toBe(9);
    expect(
      observationToRecord({ ...base, costDetails: null, calculatedTotalCost: null }).totalCost,
    ).toBeNull();
  });
});

describe('observationV2ToRecord', () => {
  const core: LangfuseObservationV2 = {
    id: 'o2',
    traceId: 't2',
    startTime: T0,
    endTime: null,
    projectId: 'p',
    parentObservationId: 'o1',
    type: 'SPAN',
  };

  it('fills absent groups with empty values', () => {
    expect(observationV2ToRecord(core)).toEqual({
      id: 'o2',
      traceId: 't2',
      type: 'SPAN',
      name: null,
      level: 'DEFAULT',
      statusMessage: null,
      parentObservationId: 'o1',
      startTime: T0_MS,
      endTime: null,
      completionStartTime: null,
      model: null,
      input: null,
      output: null,
      metadata: null,
      usageDetails: {},
      costDetails: {},
      totalCost: null,
      sessionId: null,
      userId: null,
      environment: 'default',
      updatedAt: null,
    });
  });

  it('keeps io raw, takes totalCost then costDetails.total, updatedAt from the time group', () => {
    const record = observationV2ToRecord({
      ...core,
      level: 'ERROR',
      sessionId: 's1',
      userId: '',
      input: '[{"role":"user","content":"Hi"}]',
      output: 'plain text',
      metadata: '{"chapter":2}',
      providedModelName: 'gpt-4o',
      usageDetails: { input: 3 },
      costDetails: { total: 0.5 },
      completionStartTime: '2026-11-20T10:00:01.000Z',
      updatedAt: '2026-11-20T10:05:00.000Z',
      inputPrice: '0.0001',
    });
    expect(record).toMatchObject({
      level: 'ERROR',
      sessionId: 's1',
      userId: null,
      input: '[{"role":"user","content":"Hi"}]',
      output: 'plain text',
      metadata: { chapter: 2 },
      model: 'gpt-4o',
      totalCost: 0.5,
      completionStartTime: T0_MS + 1000,
      updatedAt: T0_MS + 300_000,
    });
    expect(
      observationV2ToRecord({ ...core, totalCost: 0.25, costDetails: { total: 0.5 } }).totalCost,
    ).toBe(0.25);
  });
});

describe('metadataObject', () => {
  it('keeps objects, parses JSON objects, wraps anything else', () => {
    expect(metadataObject({ a: 1 })).toEqual({ a: 1 });
    expect(metadataObject('{"a":1}')).toEqual({ a: 1 });
    expect(metadataObject('plain')).toEqual({ value: 'plain' });
    expect(metadataObject([1])).toEqual({ value: [1] });
    expect(metadataObject(null)).toBeNull();
  });
});
