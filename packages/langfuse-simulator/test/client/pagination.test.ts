import {
  type ObservationFieldGroup,
  observationToRecord,
  observationV2ToRecord,
  sessionToRecord,
  traceToRecord,
} from '@cupid-dashboard/core';
import { describe, expect, it } from 'vitest';
import { checksumRecords } from '../../src/index';
import { collect, connect } from './helpers/setup';
import { OBSERVATIONS, tenThousandObservations } from './helpers/ten-thousand';
import { TRANSPORTS } from './helpers/transports';

// The numbers the requirement asks a test to state, for 10,000 observations:
const V2_REQUESTS_AT_1000 = 10; // 10,000 / 1000; a last full page carries no cursor
const LEGACY_REQUESTS_AT_100 = 100; // 10,000 / 100; the walk stops at meta.totalPages
// The traces and sessions of those observations: 2,291 traces → 23 pages, 202 sessions → 3.
const TRACES = 2291;
const SESSIONS = 202;

const V2 = 'GET /api/public/v2/observations';
// The groups that carry every field the checksum covers (end time, cost, level, updatedAt).
const FIELDS: ObservationFieldGroup[] = ['core', 'basic', 'time', 'usage'];

describe.each(TRANSPORTS)('full pagination over %s', (_name, transport) => {
  it(`walks ${OBSERVATIONS} v2 observations at limit 1000 in exactly ${V2_REQUESTS_AT_1000} requests`, async () => {
    const { sim, client } = await connect(transport, { dataset: tenThousandObservations() });
    const truth = sim.truth();
    expect(truth.counts.observations).toBe(10_000);

    const pages = await collect(client.paginateObservationsV2({ limit: 1000, fields: FIELDS }));
    const records = pages.flatMap((page) => page.data.map(observationV2ToRecord));

    expect(pages.map((page) => page.data.length)).toEqual(Array(10).fill(1000));
    expect(pages.at(-1)?.cursor).toBeNull();
    expect(new Set(records.map((r) => r.id)).size).toBe(10_000);
    expect(sim.requestCounts()).toEqual({ [V2]: V2_REQUESTS_AT_1000 });
    expect(client.stats).toEqual({ requests: 10, retries: 0, rateLimited: 0, failures: 0 });
    // The first request has no cursor; every later one carries the previous page's.
    expect(sim.requests.map((r) => r.query.cursor ?? null)).toEqual([
      null,
      ...pages.slice(0, -1).map((page) => page.cursor),
    ]);
    expect(sim.requests.every((r) => r.query.limit === '1000')).toBe(true);
    expect(checksumRecords({ observations: records }, 'v2').observations).toBe(
      truth.checksums('v2').observations,
    );
  });

  it(`walks the same observations through legacy at limit 100 in exactly ${LEGACY_REQUESTS_AT_100} requests`, async () => {
    const { sim, client } = await connect(transport, { dataset: tenThousandObservations() });

    const pages = await collect(client.paginateObservations({ limit: 100 }));
    const records = pages.flatMap((page) => page.data.map(observationToRecord));

    expect(pages).toHaveLength(100);
    expect(pages[0]?.meta).toEqual({ page: 1, limit: 100, totalItems: 10_000, totalPages: 100 });
    expect(new Set(records.map((r) => r.id)).size).toBe(10_000);
    expect(sim.requestCounts()).toEqual({ 'GET /api/public/observations': LEGACY_REQUESTS_AT_100 });
    expect(sim.requests.map((r) => r.query.page)).toEqual(
      Array.from({ length: 100 }, (_, i) => String(i + 1)),
    );
    expect(client.stats.requests).toBe(LEGACY_REQUESTS_AT_100);
    // Legacy observations carry no updatedAt, hence the legacy scope.
    const truth = sim.truth();
    expect(checksumRecords({ observations: records }, 'legacy').observations).toBe(
      truth.checksums('legacy').observations,
    );
    expect(truth.checksums('legacy').observations).not.toBe(truth.checksums('v2').observations);
  });

  it('walks every legacy trace and session exactly once, matching the truth', async () => {
    const { sim, client } = await connect(transport, { dataset: tenThousandObservations() });
    const truth = sim.truth();
    expect(truth.counts).toEqual({ sessions: SESSIONS, traces: TRACES, observations: 10_000 });

    const traces = (await collect(client.paginateTraces())).flatMap((page) =>
      page.data.map(traceToRecord),
    );
    const sessions = (await collect(client.paginateSessions())).flatMap((page) =>
      page.data.map(sessionToRecord),
    );

    expect(traces).toHaveLength(TRACES);
    expect(new Set(traces.map((t) => t.id)).size).toBe(TRACES);
    expect(sessions).toHaveLength(SESSIONS);
    expect(new Set(sessions.map((s) => s.id)).size).toBe(SESSIONS);
    // The client's default legacy limit is 100: ceil(2291 / 100) and ceil(202 / 100) requests.
    expect(sim.requestCounts()).toEqual({
      'GET /api/public/traces': 23,
      'GET /api/public/sessions': 3,
    });
    const mine = checksumRecords({ sessions, traces }, 'legacy');
    const expected = truth.checksums('legacy');
    expect(mine.traces).toBe(expected.traces);
    expect(mine.sessions).toBe(expected.sessions);
  });
});
