import type { Response } from 'supertest';
import { describe, expect, it } from 'vitest';
import { responseChecker } from './support/openapi-check';

// The checker is what makes "every answer matches the document" mean something: prove it rejects.
describe('responseChecker', () => {
  const check = responseChecker({
    paths: {
      '/api/things/{id}': {
        get: {
          responses: {
            '200': {
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    properties: { id: { type: 'string' } },
                    required: ['id'],
                    additionalProperties: false,
                  },
                },
              },
            },
          },
        },
      },
    },
  });
  const answer = (status: number, body: unknown) => ({ status, body }) as Response;

  it('accepts a documented answer', () => {
    expect(() => check(answer(200, { id: 'x' }), 'GET', '/api/things/x?y=1')).not.toThrow();
  });

  it('rejects wrong bodies, undocumented statuses, paths and methods', () => {
    expect(() => check(answer(200, { id: 1 }), 'GET', '/api/things/x')).toThrow(/does not match/);
    expect(() => check(answer(200, { id: 'x', extra: 1 }), 'GET', '/api/things/x')).toThrow(
      /does not match/,
    );
    expect(() => check(answer(418, {}), 'GET', '/api/things/x')).toThrow(/not documented/);
    expect(() => check(answer(200, {}), 'GET', '/api/other')).toThrow(/not in the OpenAPI/);
    expect(() => check(answer(200, {}), 'POST', '/api/things/x')).toThrow(/not documented/);
  });
});
