import type { EpochMs, ObservationRecord, ObservationType } from '../../domain/records';

/** Shared, frozen empty maps for observations without usage or cost (most of them). */
export const NO_NUMBERS: Record<string, number> = Object.freeze({}) as Record<string, number>;

const metadataCache = new Map<string, Record<string, unknown>>();

/**
 * The metadata of an observation, `{ chapter, agent }` (plus `attempt` on retries). Equal
 * metadata is one shared frozen object, which keeps a million observations small.
 */
export function observationMetadata(
  chapter: number,
  agent: string | null,
  attempt = 1,
): Record<string, unknown> {
  const key = `${chapter}|${agent}|${attempt}`;
  let metadata = metadataCache.get(key);
  if (!metadata) {
    const value: Record<string, unknown> = agent === null ? { chapter } : { chapter, agent };
    if (attempt > 1) value.attempt = attempt;
    metadata = Object.freeze(value);
    metadataCache.set(key, metadata);
  }
  return metadata;
}

/** The fields that differ between observations; the rest come from the session. */
export interface ObservationFields {
  id: string;
  traceId: string;
  type: ObservationType;
  name: string;
  parentObservationId: string | null;
  startTime: EpochMs;
  endTime: EpochMs;
  metadata: Record<string, unknown>;
}

/** Session-wide fields every observation of a session carries. */
export interface SessionFields {
  sessionId: string;
  userId: string | null;
  environment: string;
}

/**
 * A complete observation with every field in one fixed order (one hidden class for all of
 * them); callers fill model, usage and cost on generations afterwards.
 */
export function observation(fields: ObservationFields, session: SessionFields): ObservationRecord {
  return {
    id: fields.id,
    traceId: fields.traceId,
    type: fields.type,
    name: fields.name,
    level: 'DEFAULT',
    statusMessage: null,
    parentObservationId: fields.parentObservationId,
    startTime: fields.startTime,
    endTime: fields.endTime,
    completionStartTime: null,
    model: null,
    input: null,
    output: null,
    metadata: fields.metadata,
    usageDetails: NO_NUMBERS,
    costDetails: NO_NUMBERS,
    totalCost: null,
    sessionId: session.sessionId,
    userId: session.userId,
    environment: session.environment,
    // A complete record is written when it ends.
    updatedAt: fields.endTime,
  };
}

const tagsCache = new Map<number, string[]>();
const traceMetadataCache = new Map<string, Record<string, unknown>>();

/** A turn trace's tags, `['cupid', 'chapter:N']`: one shared frozen array per chapter. */
export function traceTags(chapter: number): string[] {
  let tags = tagsCache.get(chapter);
  if (!tags) {
    tags = Object.freeze(['cupid', `chapter:${chapter}`]) as string[];
    tagsCache.set(chapter, tags);
  }
  return tags;
}

/** A turn trace's metadata, `{ chapter, turn }` (turn within the chapter): shared and frozen. */
export function traceMetadata(chapter: number, turn: number): Record<string, unknown> {
  const key = `${chapter}|${turn}`;
  let metadata = traceMetadataCache.get(key);
  if (!metadata) {
    metadata = Object.freeze({ chapter, turn });
    traceMetadataCache.set(key, metadata);
  }
  return metadata;
}
