/**
 * The records a {@link DashboardStore} ingests: one shape per Langfuse entity, normalized from
 * either API generation (legacy v1 pages or v2 cursor observations).
 *
 * Times are epoch milliseconds in UTC, so stores can index and compare them as integers.
 */

/** Milliseconds since 1970-01-01T00:00:00Z. */
export type EpochMs = number;

/** Langfuse observation level. `ERROR` marks a failed step. */
export type ObservationLevel = 'DEBUG' | 'DEFAULT' | 'WARNING' | 'ERROR';

/** Langfuse observation type; other strings are kept as they come. */
export type ObservationType =
  | 'SPAN'
  | 'GENERATION'
  | 'EVENT'
  | 'AGENT'
  | 'TOOL'
  | 'CHAIN'
  | 'RETRIEVER'
  | 'EVALUATOR'
  | 'EMBEDDING'
  | 'GUARDRAIL'
  | (string & {});

/**
 * One Langfuse observation (a span, generation, event, ...).
 *
 * `sessionId` and `userId` are set when the source carries them (v2 observations do, legacy v1
 * observations do not): a store links an observation to its session through
 * `sessionId ?? trace(traceId).sessionId`.
 *
 * @example
 * const generation: ObservationRecord = {
 *   id: 'obs-1', traceId: 'trace-1', type: 'GENERATION', name: 'Mortal', level: 'DEFAULT',
 *   statusMessage: null, parentObservationId: null,
 *   startTime: Date.parse('2026-11-20T10:00:00Z'), endTime: Date.parse('2026-11-20T10:00:02.5Z'),
 *   completionStartTime: null, model: 'gpt-4o-mini',
 *   input: [{ role: 'user', content: 'Hi' }], output: 'Hello, mortal.',
 *   metadata: { chapter: 1 }, usageDetails: { input: 12, output: 4, total: 16 },
 *   costDetails: { input: 0.000002, output: 0.0000024, total: 0.0000044 }, totalCost: 0.0000044,
 *   sessionId: 'session-1', userId: 'user-1', environment: 'default', updatedAt: null,
 * };
 */
export interface ObservationRecord {
  id: string;
  traceId: string | null;
  type: ObservationType;
  /** The agent (or step) name; the dashboard groups agents by it. */
  name: string | null;
  level: ObservationLevel;
  statusMessage: string | null;
  parentObservationId: string | null;
  startTime: EpochMs;
  /** Null while the observation is still running or its end has not arrived yet. */
  endTime: EpochMs | null;
  completionStartTime: EpochMs | null;
  model: string | null;
  /** Any JSON value as the source gave it: a chat-message array, a string, or raw JSON text (v2). */
  input: unknown;
  output: unknown;
  metadata: Record<string, unknown> | null;
  /** Free-form usage units, e.g. `{ input, output, total, input_cached_tokens }`. */
  usageDetails: Record<string, number>;
  /** Cost per usage key in USD, e.g. `{ input, output, total }`. */
  costDetails: Record<string, number>;
  /** Total cost in USD, or null when the source has none. */
  totalCost: number | null;
  sessionId: string | null;
  userId: string | null;
  environment: string;
  /**
   * When this version of the record was written at the source, if known. Of two versions of one
   * id, the one with the later `updatedAt` wins; when either is null, the one upserted last wins.
   */
  updatedAt: EpochMs | null;
}

/** One Langfuse trace: a single run of the app (in Cupid, one turn of the game). */
export interface TraceRecord {
  id: string;
  timestamp: EpochMs;
  name: string | null;
  sessionId: string | null;
  userId: string | null;
  tags: string[];
  release: string | null;
  version: string | null;
  environment: string;
  input: unknown;
  output: unknown;
  metadata: unknown;
  /** Same rule as {@link ObservationRecord.updatedAt}. */
  updatedAt: EpochMs | null;
}

/** One Langfuse session: the traces sharing a `sessionId` (in Cupid, one play-through). */
export interface SessionRecord {
  id: string;
  createdAt: EpochMs;
  environment: string;
}
