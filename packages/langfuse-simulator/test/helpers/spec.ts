import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import OpenAPIResponseValidator from 'openapi-response-validator';
import { parse } from 'yaml';

/** The package folder; the repository root is two levels above it. */
const packageDir = fileURLToPath(new URL('../..', import.meta.url));
const repoRoot = path.resolve(packageDir, '../..');

/** Where the Langfuse OpenAPI document is kept, beside the repository. */
export const SPEC_PATH = path.resolve(repoRoot, '../shared/reference/langfuse-openapi.yml');

type Json = Record<string, unknown>;

/** The parts of an OpenAPI 3.0 document the conformance test reads. */
export interface OpenApiDocument {
  paths: Record<string, Record<string, { responses: Record<string, Json> }>>;
  components: { schemas: Record<string, Json> };
}

/** The Langfuse spec, or null when it is not beside the repository. */
export function loadSpec(): OpenApiDocument | null {
  if (!existsSync(SPEC_PATH)) return null;
  return parse(readFileSync(SPEC_PATH, 'utf8'), { maxAliasCount: -1 }) as OpenApiDocument;
}

/** The responses the spec declares for a path and method. */
export function responsesOf(spec: OpenApiDocument, pathName: string, method = 'get') {
  const operation = spec.paths[pathName]?.[method];
  if (!operation) throw new Error(`The spec has no ${method.toUpperCase()} ${pathName}`);
  return operation.responses;
}

/** The first response object the spec declares for `status` on any operation. */
export function firstDeclared(
  spec: OpenApiDocument,
  status: string,
): { where: string; response: Json } {
  for (const [pathName, operations] of Object.entries(spec.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      const response = operation.responses?.[status];
      if (response) return { where: `${method.toUpperCase()} ${pathName}`, response };
    }
  }
  throw new Error(`The spec declares no ${status} response anywhere`);
}

/**
 * Validates a body against one declared response with openapi-response-validator; returns the
 * validation errors (an empty list when the body conforms).
 */
export function validate(
  spec: OpenApiDocument,
  response: Json,
  status: number,
  body: unknown,
): unknown[] {
  // The validator rewrites `nullable` in place, so each use gets its own copy of the schemas.
  const validator = new OpenAPIResponseValidator({
    responses: { [String(status)]: structuredClone(response) as never },
    components: structuredClone(spec.components) as never,
  });
  const result = validator.validateResponse(String(status), body);
  return result?.errors ?? [];
}

/** Property names a schema declares, following `$ref` and `allOf`. */
export function declaredProperties(spec: OpenApiDocument, schema: Json): Set<string> {
  const names = new Set<string>();
  const visit = (node: Json | undefined) => {
    if (!node) return;
    const ref = node.$ref;
    if (typeof ref === 'string') {
      visit(spec.components.schemas[ref.replace('#/components/schemas/', '')]);
      return;
    }
    for (const name of Object.keys((node.properties as Json | undefined) ?? {})) names.add(name);
    for (const part of (node.allOf as Json[] | undefined) ?? []) visit(part);
  };
  visit(schema);
  return names;
}

/** Keys of `row` that `schemaName` does not declare. */
export function undeclaredKeys(spec: OpenApiDocument, schemaName: string, row: Json): string[] {
  const declared = declaredProperties(spec, { $ref: `#/components/schemas/${schemaName}` });
  return Object.keys(row).filter((key) => !declared.has(key));
}
