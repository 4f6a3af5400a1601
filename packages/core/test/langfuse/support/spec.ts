import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import OpenAPIResponseValidator from 'openapi-response-validator';
import { parse } from 'yaml';

/** The Langfuse OpenAPI document, kept beside the repository (four levels above this folder). */
export const SPEC_PATH = fileURLToPath(
  new URL('../../../../../../shared/reference/langfuse-openapi.yml', import.meta.url),
);

type Json = Record<string, unknown>;

export interface OpenApiDocument {
  paths: Record<string, Record<string, { responses: Record<string, Json> }>>;
  components: { schemas: Record<string, Json> };
}

/** The spec, or null when it is not there (the tests then skip, saying so). */
export function loadSpec(): OpenApiDocument | null {
  if (!existsSync(SPEC_PATH)) return null;
  return parse(readFileSync(SPEC_PATH, 'utf8'), { maxAliasCount: -1 }) as OpenApiDocument;
}

/** Property names of a component schema, following `$ref` and `allOf`. */
export function specProperties(spec: OpenApiDocument, schemaName: string): Set<string> {
  const names = new Set<string>();
  const visit = (node: Json | undefined) => {
    if (!node) return;
    if (typeof node.$ref === 'string') {
      visit(spec.components.schemas[node.$ref.replace('#/components/schemas/', '')]);
      return;
    }
    for (const name of Object.keys((node.properties as Json | undefined) ?? {})) names.add(name);
    for (const part of (node.allOf as Json[] | undefined) ?? []) visit(part);
  };
  visit({ $ref: `#/components/schemas/${schemaName}` });
  return names;
}

/** Validation errors of `body` against the 200 response of GET `path` (empty when it conforms). */
export function validate200(spec: OpenApiDocument, path: string, body: unknown): unknown[] {
  const response = spec.paths[path]?.get?.responses['200'];
  if (!response) throw new Error(`The spec declares no 200 for GET ${path}`);
  // The validator rewrites `nullable` in place: give it copies.
  const validator = new OpenAPIResponseValidator({
    responses: { '200': structuredClone(response) as never },
    components: structuredClone(spec.components) as never,
  });
  return validator.validateResponse('200', body)?.errors ?? [];
}
