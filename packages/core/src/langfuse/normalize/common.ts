import type { ObservationLevel, ObservationRecord } from '../../domain/index';
import type { LangfuseObservation, LangfuseObservationV2 } from '../schemas/index';

/** ISO-8601 → epoch ms. Inputs were validated as ISO datetimes, so this never yields NaN. */
export function toEpochMs(iso: string): number {
  return Date.parse(iso);
}

/** Optional ISO-8601 → epoch ms or null. */
export function toEpochMsOrNull(iso: string | null | undefined): number | null {
  return iso ? Date.parse(iso) : null;
}

/** A number map without its null entries; absent → `{}`. */
export function numberMap(
  map: Record<string, number | null> | null | undefined,
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [key, value] of Object.entries(map ?? {})) {
    if (typeof value === 'number' && Number.isFinite(value)) out[key] = value;
  }
  return out;
}

/** Absent environment means Langfuse's default one. */
export function environmentOf(environment: string | null | undefined): string {
  return environment || 'default';
}

/** Absent level means Langfuse's default one. */
export function levelOf(level: ObservationLevel | null | undefined): ObservationLevel {
  return level ?? 'DEFAULT';
}

/**
 * Observation metadata as an object or null. Langfuse may send it as JSON text: an object in it is
 * parsed; any other non-null value is kept under `value` rather than dropped.
 *
 * @example
 * metadataObject('{"chapter":1}'); // { chapter: 1 }
 * metadataObject('plain'); // { value: 'plain' }
 */
export function metadataObject(metadata: unknown): Record<string, unknown> | null {
  if (metadata === null || metadata === undefined) return null;
  if (isPlainObject(metadata)) return metadata;
  if (typeof metadata === 'string') {
    try {
      const parsed: unknown = JSON.parse(metadata);
      if (isPlainObject(parsed)) return parsed;
    } catch {
      // Plain text metadata: wrapped below.
    }
  }
  return { value: metadata };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The record fields whose source differs between the API generations. */
type GenerationSpecific = 'model' | 'totalCost' | 'sessionId' | 'userId';

/**
 * The fields a legacy and a v2 observation map the same way; each normalizer adds its
 * generation's {@link GenerationSpecific} fields. `costDetails` is returned for their `totalCost`.
 *
 * @example
 * const shared = sharedObservationFields(observation);
 * const record = { ...shared, model: observation.model ?? null, totalCost: shared.costDetails.total ?? null, sessionId: null, userId: null };
 */
export function sharedObservationFields(
  observation: LangfuseObservation | LangfuseObservationV2,
): Omit<ObservationRecord, GenerationSpecific> {
  return {
    id: observation.id,
    traceId: observation.traceId ?? null,
    type: observation.type,
    name: observation.name ?? null,
    level: levelOf(observation.level),
    statusMessage: observation.statusMessage ?? null,
    parentObservationId: observation.parentObservationId ?? null,
    startTime: toEpochMs(observation.startTime),
    endTime: toEpochMsOrNull(observation.endTime),
    completionStartTime: toEpochMsOrNull(observation.completionStartTime),
    input: observation.input ?? null,
    output: observation.output ?? null,
    metadata: metadataObject(observation.metadata),
    usageDetails: numberMap(observation.usageDetails),
    costDetails: numberMap(observation.costDetails),
    environment: environmentOf(observation.environment),
    updatedAt: toEpochMsOrNull(observation.updatedAt),
  };
}
