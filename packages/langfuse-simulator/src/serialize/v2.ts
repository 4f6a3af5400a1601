import {
  OBSERVATION_FIELD_GROUPS,
  type ObservationFieldGroup,
  type ObservationRecord,
  type TraceRecord,
} from '@cupid-dashboard/core';
import type { JsonObject } from './legacy';
import { internalModelId, isoOrNull, secondsBetween, toDecimalString, unitPrice } from './values';

/** One v2 observation field group; the list is core's, so client and simulator agree. */
export type V2FieldGroup = ObservationFieldGroup;

/** Metadata string values longer than this are cut unless their key is expanded. */
export const METADATA_VALUE_LIMIT = 200;

/**
 * The groups a `fields` parameter asks for: `core` always, `core`+`basic` when it is absent,
 * unknown names silently dropped (as Langfuse does).
 *
 * @example
 * parseFieldGroups('usage, nonsense'); // Set { 'core', 'usage' }
 */
export function parseFieldGroups(fields: string | undefined): Set<V2FieldGroup> {
  if (fields === undefined) return new Set(['core', 'basic']);
  const known = new Set<string>(OBSERVATION_FIELD_GROUPS);
  const groups = new Set<V2FieldGroup>(['core']);
  for (const name of fields.split(',')) {
    const trimmed = name.trim();
    if (known.has(trimmed)) groups.add(trimmed as V2FieldGroup);
  }
  return groups;
}

/** v2 serves input/output as raw text: strings as they are, other JSON values as JSON text. */
function rawText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function truncatedMetadata(
  metadata: Record<string, unknown> | null,
  expand: ReadonlySet<string>,
): Record<string, unknown> | null {
  if (metadata === null) return null;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(metadata)) {
    out[key] =
      typeof value === 'string' && value.length > METADATA_VALUE_LIMIT && !expand.has(key)
        ? value.slice(0, METADATA_VALUE_LIMIT)
        : value;
  }
  return out;
}

function decimalOrNull(value: number | null): string | null {
  return value === null ? null : toDecimalString(value);
}

/** What a v2 row needs besides the observation. */
export interface V2Context {
  projectId: string;
  trace: TraceRecord | undefined;
  groups: ReadonlySet<V2FieldGroup>;
  expandMetadata: ReadonlySet<string>;
}

/**
 * One `ObservationV2` row holding only the requested groups: fields of other groups are absent,
 * not null. The spec marks `modelId` and the three prices required ("null when the `model` field
 * group is not requested"), so those four are always present.
 */
export function v2Observation(observation: ObservationRecord, context: V2Context): JsonObject {
  const { groups, trace } = context;
  const { usageDetails, costDetails } = observation;
  const withModel = groups.has('model');
  const row: JsonObject = {
    id: observation.id,
    traceId: observation.traceId,
    startTime: isoOrNull(observation.startTime),
    endTime: isoOrNull(observation.endTime),
    projectId: context.projectId,
    parentObservationId: observation.parentObservationId,
    type: observation.type,
    modelId: withModel ? internalModelId(observation.model) : null,
    inputPrice: withModel ? decimalOrNull(unitPrice(costDetails, usageDetails, 'input')) : null,
    outputPrice: withModel ? decimalOrNull(unitPrice(costDetails, usageDetails, 'output')) : null,
    totalPrice: null,
  };
  if (groups.has('basic')) {
    Object.assign(row, {
      name: observation.name,
      level: observation.level,
      statusMessage: observation.statusMessage,
      version: null,
      environment: observation.environment,
      bookmarked: false,
      public: false,
      userId: observation.userId ?? trace?.userId ?? null,
      sessionId: observation.sessionId ?? trace?.sessionId ?? null,
      isRootObservation: observation.parentObservationId === null,
    });
  }
  if (groups.has('time')) {
    // The simulator has no ingestion time: a record counts as created when it started. An
    // unknown updatedAt stays null rather than invented, so it round-trips to the same record.
    Object.assign(row, {
      completionStartTime: isoOrNull(observation.completionStartTime),
      createdAt: isoOrNull(observation.startTime),
      updatedAt: isoOrNull(observation.updatedAt),
    });
  }
  if (groups.has('io')) {
    row.input = rawText(observation.input);
    row.output = rawText(observation.output);
  }
  if (groups.has('metadata')) {
    row.metadata = truncatedMetadata(observation.metadata, context.expandMetadata);
  }
  if (withModel) {
    Object.assign(row, {
      providedModelName: observation.model,
      internalModelId: internalModelId(observation.model),
      modelParameters: {},
    });
  }
  if (groups.has('usage')) {
    Object.assign(row, {
      usageDetails,
      costDetails,
      totalCost: observation.totalCost,
      usagePricingTierName: null,
    });
  }
  if (groups.has('prompt')) {
    Object.assign(row, { promptId: null, promptName: null, promptVersion: null });
  }
  if (groups.has('metrics')) {
    Object.assign(row, {
      latency: secondsBetween(observation.startTime, observation.endTime),
      timeToFirstToken: secondsBetween(observation.startTime, observation.completionStartTime),
    });
  }
  if (groups.has('trace_context')) {
    Object.assign(row, {
      tags: trace?.tags ?? [],
      release: trace?.release ?? null,
      traceName: trace?.name ?? null,
    });
  }
  return row;
}
