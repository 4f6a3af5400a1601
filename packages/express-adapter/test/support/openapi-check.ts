import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020.js';
import type { Response } from 'supertest';

type Operation = {
  responses: Record<string, { content?: Record<string, { schema: object }> }>;
};
type Document = { paths: Record<string, Record<string, Operation>> };

/**
 * Checks responses against an OpenAPI document's JSON Schemas (draft 2020-12, as OpenAPI 3.1
 * uses): the path and method must be documented, the status listed, and a JSON body valid; other
 * media types must be listed for the status.
 */
export function responseChecker(document: Document) {
  // Formats are not checked (no ajv-formats); the document's date-time strings also carry a pattern.
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
  const templates = Object.keys(document.paths).map((template) => ({
    template,
    pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
  }));
  const compiled = new Map<string, ValidateFunction>();

  return function check(response: Response, method: string, path: string): void {
    const bare = path.split('?')[0] ?? path;
    const matches = templates.filter(({ pattern }) => pattern.test(bare));
    // A literal path (/api/sessions/stats) wins over a template that also matches it.
    const match = matches.find(({ template }) => !template.includes('{')) ?? matches[0];
    if (!match) throw new Error(`${method} ${bare} is not in the OpenAPI document`);
    const operation = document.paths[match.template]?.[method.toLowerCase()];
    if (!operation) throw new Error(`${method} ${match.template} is not documented`);
    const key = `${method} ${match.template} ${response.status}`;
    const documented = operation.responses[String(response.status)]?.content ?? {};
    // A bare answer without headers (the checker's own tests) counts as JSON.
    const mediaType =
      String(response.headers?.['content-type'] ?? 'application/json').split(';')[0] ?? '';
    if (mediaType !== 'application/json') {
      // Streamed bodies (CSV, JSON Lines): the media type must be documented for the status.
      if (!(mediaType in documented)) throw new Error(`${key}: ${mediaType} not documented`);
      return;
    }
    let validate = compiled.get(key);
    if (!validate) {
      const schema = documented['application/json']?.schema;
      if (!schema) throw new Error(`${key}: status not documented`);
      validate = ajv.compile(schema);
      compiled.set(key, validate);
    }
    if (!validate(response.body)) {
      throw new Error(`${key}: body does not match: ${ajv.errorsText(validate.errors)}`);
    }
  };
}
