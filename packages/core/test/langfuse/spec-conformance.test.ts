import { describe, expect, it } from 'vitest';
import {
  observationSchema,
  observationV2Schema,
  scoreSchema,
  scoreV3Schema,
  sessionSchema,
  traceSchema,
} from '../../src/langfuse/schemas/index';
import {
  createFakeLangfuse,
  legacyObservation,
  PUBLIC_KEY,
  SECRET_KEY,
  trace,
  v2Observation,
} from './support/fake-langfuse';
import { loadSpec, SPEC_PATH, specProperties, validate200 } from './support/spec';

const spec = loadSpec();

/** Spec fields the client leaves out on purpose, with the reason. */
const IGNORED: Record<string, string[]> = {
  // `usage` is deprecated in favour of usageDetails/costDetails.
  ObservationsView: ['usage'],
  // Lists of ids only; the sync reads observations and scores by their own endpoints.
  TraceWithDetails: ['observations', 'scores'],
};

/** Score schemas whose every spec variant must be read; `dataType` sits in the oneOf wrapper. */
const SCORE_VARIANTS = [
  [
    'legacy',
    scoreSchema.shape,
    [
      'GetScoresResponseDataNumeric',
      'GetScoresResponseDataBoolean',
      'GetScoresResponseDataCategorical',
    ],
  ],
  ['v3', scoreV3Schema.shape, ['NumericScoreV3', 'BooleanScoreV3', 'CategoricalScoreV3']],
] as const;

if (spec === null) {
  describe.skip(`Langfuse spec conformance: the spec is not beside the repository (${SPEC_PATH})`, () => {
    it('needs ../shared/reference/langfuse-openapi.yml', () => {});
  });
} else {
  const doc = spec;
  describe('the client schemas cover the Langfuse OpenAPI spec', () => {
    it.each([
      ['ObservationV2', observationV2Schema.shape],
      ['ObservationsView', observationSchema.shape],
      ['TraceWithDetails', traceSchema.shape],
      ['Session', sessionSchema.shape],
    ] as const)('every %s property is read (none silently dropped)', (name, shape) => {
      const ours = new Set(Object.keys(shape));
      const missing = [...specProperties(doc, name)].filter(
        (field) => !ours.has(field) && !(IGNORED[name] ?? []).includes(field),
      );
      expect(missing).toEqual([]);
    });
  });

  describe('the score schemas cover every spec variant', () => {
    it.each(SCORE_VARIANTS)('%s scores', (_generation, shape, variants) => {
      const ours = new Set(Object.keys(shape));
      for (const variant of variants) {
        const missing = [...specProperties(doc, variant)].filter((field) => !ours.has(field));
        expect({ variant, missing }).toEqual({ variant, missing: [] });
      }
      expect(ours.has('dataType')).toBe(true);
    });

    it('the subject a v3 score names is read in every kind', () => {
      const kinds = ['ScoreSubjectTraceV3', 'ScoreSubjectObservationV3', 'ScoreSubjectSessionV3'];
      const fields = new Set(kinds.flatMap((kind) => [...specProperties(doc, kind)]));
      expect([...fields].sort()).toEqual(['id', 'traceId']);
    });
  });

  describe('spec-valid bodies with every field group pass the client schemas', () => {
    it('a v2 observation with all groups', () => {
      const row = {
        ...v2Observation(0),
        completionStartTime: '2026-11-20T00:00:00.500Z',
        createdAt: '2026-11-20T00:00:01.000Z',
        updatedAt: '2026-11-20T00:00:03.000Z',
        input: '[{"role":"user","content":"Hi"}]',
        output: '"Hello"',
        metadata: { chapter: 1 },
        providedModelName: 'gpt-4o-mini',
        internalModelId: 'm-1',
        modelParameters: { temperature: 0.7 },
        modelId: 'm-1',
        inputPrice: '0.00000015',
        outputPrice: '0.0000006',
        totalPrice: null,
        usageDetails: { input: 12, output: 4, total: 16 },
        costDetails: { input: 0.0000018, output: 0.0000024, total: 0.0000042 },
        totalCost: 0.0000042,
        usagePricingTierName: null,
        promptId: null,
        promptName: null,
        promptVersion: null,
        latency: 2,
        timeToFirstToken: 0.5,
        traceName: 'turn',
        tags: ['chapter-1'],
        release: null,
      };
      expect(validate200(doc, '/api/public/v2/observations', { data: [row], meta: {} })).toEqual(
        [],
      );
      const parsed = observationV2Schema.parse(row);
      expect(parsed.inputPrice).toBe('0.00000015');
      expect(parsed.input).toBe('[{"role":"user","content":"Hi"}]');
    });

    it('a trace with its observations (GET /api/public/traces/{traceId})', () => {
      const body = { ...trace(0), observations: [legacyObservation(0)], scores: [] };
      expect(validate200(doc, '/api/public/traces/{traceId}', body)).toEqual([]);
      expect(traceSchema.safeParse(body).success).toBe(true);
      expect(observationSchema.safeParse(body.observations[0]).success).toBe(true);
    });
  });

  describe('the test fake answers as the spec says', () => {
    const fake = createFakeLangfuse({
      sessions: 2,
      traces: 2,
      observations: 2,
      observationsV2: 2,
      scores: 6,
      scoresV3: 6,
    });
    const auth = `Basic ${Buffer.from(`${PUBLIC_KEY}:${SECRET_KEY}`).toString('base64')}`;
    it.each([
      ['/api/public/sessions', '/api/public/sessions?limit=2'],
      ['/api/public/traces', '/api/public/traces?limit=2'],
      ['/api/public/observations', '/api/public/observations?limit=2'],
      ['/api/public/v2/observations', '/api/public/v2/observations?limit=2'],
      ['/api/public/v2/scores', '/api/public/v2/scores?limit=6'],
      ['/api/public/v3/scores', '/api/public/v3/scores?limit=6'],
      ['/api/public/projects', '/api/public/projects'],
      ['/api/public/health', '/api/public/health'],
    ])('GET %s', (path, url) => {
      const answer = fake.handle(new URL(url, 'http://fake'), auth);
      if (typeof answer === 'string') throw new Error('unexpected scripted answer');
      expect(answer.status).toBe(200);
      expect(validate200(doc, path, answer.body)).toEqual([]);
    });
  });
}
