import { generateCupidDataset } from '@cupid-dashboard/core/testing';
import { describe, expect, it } from 'vitest';
import { createLangfuseSimulator, type LangfuseSimulator } from '../src/index';
import { get } from './helpers/client';
import { smallWorld } from './helpers/records';
import {
  firstDeclared,
  loadSpec,
  type OpenApiDocument,
  responsesOf,
  SPEC_PATH,
  undeclaredKeys,
  validate,
} from './helpers/spec';

const spec = loadSpec();
const ALL_GROUPS = 'core,basic,time,io,metadata,model,usage,prompt,metrics,trace_context';

function simulator(options: Parameters<typeof createLangfuseSimulator>[0] = {}) {
  return createLangfuseSimulator({ dataset: smallWorld(), ...options });
}

/** Fetches `url` and validates the answer against the spec's response for (path, GET, status). */
async function expectConforms(
  doc: OpenApiDocument,
  sim: LangfuseSimulator,
  specPath: string,
  url: string,
  status: number,
  auth = true,
) {
  const response = await get(sim, url, auth);
  expect(response.status).toBe(status);
  const declared = responsesOf(doc, specPath)[String(status)];
  expect(declared, `the spec declares ${status} for GET ${specPath}`).toBeDefined();
  expect(validate(doc, declared!, status, response.body)).toEqual([]);
  return response.body;
}

if (spec === null) {
  describe.skip(`Langfuse spec conformance: the Langfuse spec is not beside the repo (${SPEC_PATH})`, () => {
    it('needs ../shared/reference/langfuse-openapi.yml', () => {});
  });
} else {
  const doc = spec;
  describe('responses conform to the Langfuse OpenAPI spec', () => {
    it('health (200)', async () => {
      await expectConforms(
        doc,
        simulator(),
        '/api/public/health',
        '/api/public/health',
        200,
        false,
      );
    });

    it('projects (200)', async () => {
      await expectConforms(doc, simulator(), '/api/public/projects', '/api/public/projects', 200);
    });

    it('a sessions page (200)', async () => {
      const body = await expectConforms(
        doc,
        simulator(),
        '/api/public/sessions',
        '/api/public/sessions',
        200,
      );
      expect(body.data).toHaveLength(2);
      expect(undeclaredKeys(doc, 'Session', body.data[0])).toEqual([]);
    });

    it('a traces page (200), with and without field groups', async () => {
      const sim = simulator();
      const body = await expectConforms(doc, sim, '/api/public/traces', '/api/public/traces', 200);
      expect(body.data).toHaveLength(3);
      for (const row of body.data) expect(undeclaredKeys(doc, 'TraceWithDetails', row)).toEqual([]);
      await expectConforms(doc, sim, '/api/public/traces', '/api/public/traces?fields=core', 200);
    });

    it('a single trace (200) and an unknown one (404)', async () => {
      const sim = simulator();
      const path = '/api/public/traces/{traceId}';
      const body = await expectConforms(doc, sim, path, '/api/public/traces/t1', 200);
      expect(body.observations).toHaveLength(2);
      expect(undeclaredKeys(doc, 'TraceWithFullDetails', body)).toEqual([]);
      await expectConforms(doc, sim, path, '/api/public/traces/unknown', 404);
    });

    it('a v1 observations page (200)', async () => {
      const path = '/api/public/observations';
      const body = await expectConforms(doc, simulator(), path, path, 200);
      expect(body.data).toHaveLength(5);
      for (const row of body.data) expect(undeclaredKeys(doc, 'ObservationsView', row)).toEqual([]);
    });

    it('v2 observations with default fields, with every group and with a cursor (200)', async () => {
      const sim = simulator();
      const path = '/api/public/v2/observations';
      const basic = await expectConforms(doc, sim, path, `${path}?limit=2`, 200);
      expect(typeof basic.meta.cursor).toBe('string');
      const all = await expectConforms(doc, sim, path, `${path}?fields=${ALL_GROUPS}`, 200);
      expect(all.data).toHaveLength(5);
      for (const row of all.data) expect(undeclaredKeys(doc, 'ObservationV2', row)).toEqual([]);
    });

    it('400 for a limit over the maximum, on both generations', async () => {
      const sim = simulator();
      await expectConforms(doc, sim, '/api/public/traces', '/api/public/traces?limit=101', 400);
      const v2 = '/api/public/v2/observations';
      await expectConforms(doc, sim, v2, `${v2}?limit=1001`, 400);
    });

    it('401 for missing keys, on both generations', async () => {
      const sim = simulator();
      await expectConforms(doc, sim, '/api/public/sessions', '/api/public/sessions', 401, false);
      const v2 = '/api/public/v2/observations';
      await expectConforms(doc, sim, v2, v2, 401, false);
    });

    it('404 for a generation the server does not offer', async () => {
      const sim = simulator({ generations: { legacy: false, v2: false } });
      await expectConforms(doc, sim, '/api/public/observations', '/api/public/observations', 404);
      const v2 = '/api/public/v2/observations';
      await expectConforms(doc, sim, v2, v2, 404);
    });

    it('429 matches the error envelope the spec declares for rate limits', async () => {
      // None of the read endpoints declares a 429; the spec's 429 schema (on its newer
      // endpoints) is the `{message, code, details}` envelope Cloud sends everywhere.
      const { where, response } = firstDeclared(doc, '429');
      expect(where).toMatch(/^GET|^POST|^PUT|^PATCH|^DELETE/);
      const sim = simulator({ rateLimit: { requestsPerMinute: 1, legacyRequestsPerMinute: 1 } });
      for (const path of ['/api/public/v2/observations', '/api/public/traces']) {
        await get(sim, path);
        const limited = await get(sim, path);
        expect(limited.status).toBe(429);
        expect(validate(doc, response, 429, limited.body)).toEqual([]);
      }
      sim.faults.inject({ kind: 'rate_limit', retryAfterSeconds: 3 });
      const injected = await get(sim, '/api/public/health', false);
      expect(validate(doc, response, 429, injected.body)).toEqual([]);
    });

    it('pages of a generated Cupid dataset, every group', async () => {
      const sim = createLangfuseSimulator({
        dataset: generateCupidDataset({ seed: 5, sessions: 3, lateUpdates: true }),
      });
      sim.applyLateUpdates();
      const v2 = '/api/public/v2/observations';
      await expectConforms(doc, sim, v2, `${v2}?limit=200&fields=${ALL_GROUPS}`, 200);
      await expectConforms(
        doc,
        sim,
        '/api/public/observations',
        '/api/public/observations?limit=100',
        200,
      );
      const traces = await expectConforms(
        doc,
        sim,
        '/api/public/traces',
        '/api/public/traces',
        200,
      );
      const first = traces.data[0].id;
      await expectConforms(
        doc,
        sim,
        '/api/public/traces/{traceId}',
        `/api/public/traces/${first}`,
        200,
      );
      await expectConforms(doc, sim, '/api/public/sessions', '/api/public/sessions', 200);
    });

    it('both scores endpoints of a generated dataset, every group, a cursor and a 400 (v3 and legacy)', async () => {
      const sim = createLangfuseSimulator({
        dataset: generateCupidDataset({ seed: 5, sessions: 20, lateUpdates: 0.2 }),
      });
      sim.applyLateUpdates();
      const v3 = '/api/public/v3/scores';
      const legacy = '/api/public/v2/scores';
      const first = await expectConforms(doc, sim, v3, `${v3}?limit=100`, 200);
      const all = await expectConforms(
        doc,
        sim,
        v3,
        `${v3}?limit=50&fields=details,subject,annotation`,
        200,
      );
      expect(new Set(all.data.map((row: { dataType: string }) => row.dataType))).toEqual(
        new Set(['NUMERIC', 'BOOLEAN', 'CATEGORICAL']),
      );
      const next = await expectConforms(
        doc,
        sim,
        v3,
        `${v3}?limit=50&cursor=${all.meta.cursor}`,
        200,
      );
      expect(next.data[0].id).toBe(first.data[50].id);
      const page = await expectConforms(doc, sim, legacy, `${legacy}?limit=100`, 200);
      expect(page.data.map((row: { id: string }) => row.id)).toEqual(
        first.data.map((row: { id: string }) => row.id),
      );
      await expectConforms(doc, sim, v3, `${v3}?limit=101`, 400);
      await expectConforms(doc, sim, legacy, `${legacy}?limit=101`, 400);
      await expectConforms(doc, sim, v3, `${v3}?fields=everything`, 400);
    });

    it('the validator does reject a non-conforming body', () => {
      const declared = responsesOf(doc, '/api/public/v2/observations')['200']!;
      expect(validate(doc, declared, 200, { data: [{ id: 1 }], meta: {} })).not.toEqual([]);
    });
  });
}
