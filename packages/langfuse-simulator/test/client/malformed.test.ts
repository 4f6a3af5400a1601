import {
  type InvalidRecordReport,
  observationV2ToRecord,
  traceToRecord,
} from '@cupid-dashboard/core';
import { generateCupidDataset } from '@cupid-dashboard/core/testing';
import { describe, expect, it } from 'vitest';
import { checksumRecords } from '../../src/index';
import { collect, connect } from './helpers/setup';
import { TRANSPORTS } from './helpers/transports';

const V2_PATH = '/api/public/v2/observations';

describe.each(TRANSPORTS)('malformed records over %s', (_name, transport) => {
  it('skips and reports broken v2 observations; the walk is the truth minus exactly those', async () => {
    const reports: InvalidRecordReport[] = [];
    // 3 sessions: 112 observations, so a walk at limit 50 takes 3 pages.
    const { sim, client, logger } = await connect(
      transport,
      { dataset: generateCupidDataset({ seed: 3, sessions: 3 }) },
      { onInvalidRecord: (report) => reports.push(report) },
    );
    // The first 3 observations served (the newest) come out broken: without id, with a bad
    // startTime, without id, in turn.
    sim.faults.inject({ kind: 'malformed', count: 3 });

    const pages = await collect(
      client.paginateObservationsV2({ limit: 50, fields: ['core', 'basic', 'time', 'usage'] }),
    );
    const records = pages.flatMap((page) => page.data.map(observationV2ToRecord));
    const invalid = pages.flatMap((page) => page.invalid);

    expect(sim.malformedIds.size).toBe(3);
    expect(pages.map((p) => p.data.length + p.invalid.length)).toEqual([50, 50, 12]);
    expect(invalid.map((r) => r.index)).toEqual([0, 1, 2]);
    // Only the record that kept its id can name it.
    expect(invalid.map((r) => r.id)).toEqual([undefined, expect.any(String), undefined]);
    expect(sim.malformedIds.has(invalid[1]?.id ?? '')).toBe(true);
    expect(invalid[1]?.issues).toMatch(/^startTime: /);
    expect(reports).toEqual(invalid.map((record) => ({ ...record, path: V2_PATH })));
    expect(logger.calls.filter((c) => c.level === 'warn')).toHaveLength(3);

    const expected = sim.truth().without(sim.malformedIds);
    expect(records).toHaveLength(109);
    expect(records.map((r) => r.id).sort()).toEqual(expected.observations.map((o) => o.id).sort());
    expect(checksumRecords({ observations: records }).observations).toBe(
      expected.checksums('v2').observations,
    );
  });

  it('skips named broken traces in a legacy walk and keeps the rest of their pages', async () => {
    const dataset = generateCupidDataset({ seed: 3, sessions: 3 });
    const { sim, client } = await connect(transport, { dataset }, { onInvalidRecord: () => {} });
    const broken = [dataset.traces[0]?.id ?? '', dataset.traces[10]?.id ?? ''];
    sim.faults.inject({ kind: 'malformed', ids: broken, path: '/api/public/traces' });

    const pages = await collect(client.paginateTraces({ limit: 10 }));
    const traces = pages.flatMap((page) => page.data.map(traceToRecord));

    expect([...sim.malformedIds].sort()).toEqual([...broken].sort());
    expect(pages.flatMap((p) => p.invalid)).toHaveLength(2);
    expect(traces).toHaveLength(26 - 2);
    expect(traces.some((t) => broken.includes(t.id))).toBe(false);
    // Every page but the last is full once its invalid rows are counted back in.
    expect(pages.map((p) => p.data.length + p.invalid.length)).toEqual([10, 10, 6]);
    expect(checksumRecords({ traces }, 'legacy').traces).toBe(
      sim.truth().without(sim.malformedIds).checksums('legacy').traces,
    );
  });
});
