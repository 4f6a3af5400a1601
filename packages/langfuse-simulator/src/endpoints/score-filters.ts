import type { ScoreRecord } from '@cupid-dashboard/core';
import type { z } from 'zod';
import { parseQuery } from '../http/query';
import { badRequest } from '../http/responses';
import { allOf } from './predicates';

/** The score filters both scores endpoints apply; lists match any of their values. */
export interface ScoreFilters {
  ids?: string[] | undefined;
  names?: string[] | undefined;
  sources?: string[] | undefined;
  dataTypes?: string[] | undefined;
  traceIds?: string[] | undefined;
  sessionIds?: string[] | undefined;
  observationIds?: string[] | undefined;
  environments?: string[] | undefined;
  configIds?: string[] | undefined;
}

const within = (values: string[] | undefined, value: string | null) =>
  value !== null && (values?.includes(value) ?? true);

/**
 * The non-time filters as one predicate (null when none is set). Sources and data types compare
 * case-insensitively, as v3 documents. `sessionIds` match a score's own session (session scores),
 * as Langfuse's score filter does.
 */
export function scorePredicate(filters: ScoreFilters) {
  const f = filters;
  const upper = (values: string[] | undefined) => values?.map((value) => value.toUpperCase());
  const sources = upper(f.sources);
  const dataTypes = upper(f.dataTypes);
  return allOf<ScoreRecord>([
    f.ids !== undefined && ((s) => within(f.ids, s.id)),
    f.names !== undefined && ((s) => within(f.names, s.name)),
    sources !== undefined && ((s) => within(sources, s.source)),
    dataTypes !== undefined && ((s) => within(dataTypes, s.dataType)),
    f.traceIds !== undefined && ((s) => within(f.traceIds, s.traceId)),
    f.sessionIds !== undefined && ((s) => within(f.sessionIds, s.sessionId)),
    f.observationIds !== undefined && ((s) => within(f.observationIds, s.observationId)),
    f.environments !== undefined && ((s) => within(f.environments, s.environment)),
    f.configIds !== undefined && ((s) => within(f.configIds, s.configId)),
  ]);
}

/** A comma-separated v3 list parameter as its values. */
export function commaValues(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  return value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

/**
 * A scores query parsed by its endpoint's schema, or the 400 Langfuse answers; a filter the
 * simulator does not implement is refused by name rather than silently ignored.
 */
export function parseScoresQuery<T>(
  schema: z.ZodType<T>,
  unsupported: readonly string[],
  params: URLSearchParams,
): { ok: true; value: T } | { ok: false; response: Response } {
  const name = unsupported.find((key) => params.has(key));
  if (name !== undefined) {
    return {
      ok: false,
      response: badRequest(`The simulator does not support the \`${name}\` filter.`),
    };
  }
  return parseQuery(schema, params);
}
