import type { EpochMs, ObservationRecord, SessionRecord, TraceRecord } from '../../domain/records';
import type { ScoreRecord } from '../../domain/score';

/**
 * A generated Cupid dataset: the records as Langfuse holds them, plus later versions of some
 * observations that arrive after the first ones (late end times and costs).
 */
export interface CupidDataset {
  /** The seed the dataset was generated from; the same options give the same dataset. */
  seed: number;
  /** The time span the sessions start in: `[from, to)`. */
  range: { from: EpochMs; to: EpochMs };
  /** Every user id that owns at least one session, in the order they were drawn. */
  users: string[];
  sessions: SessionRecord[];
  traces: TraceRecord[];
  /** First versions of every observation, ordered by start time. */
  observations: ObservationRecord[];
  /**
   * Later versions of some observations (same id, later `updatedAt`), e.g. an end time and cost
   * that arrive minutes after the start. Empty unless `lateUpdates` was asked for.
   */
  lateUpdates: ObservationRecord[];
  /** Scores as Langfuse holds them at first, in timestamp order (empty with `scores: false`). */
  scores: ScoreRecord[];
  /**
   * Scores that arrive later, in arrival (`updatedAt`) order: late ones and the changed
   * versions of overwritten ones. Empty unless `lateUpdates` was asked for.
   */
  lateScores: ScoreRecord[];
}

/**
 * One session of a streamed dataset with all its records: traces in start order, first versions
 * of its observations in start order, and its late versions in arrival (`updatedAt`) order.
 */
export interface CupidSessionChunk {
  session: SessionRecord;
  traces: TraceRecord[];
  observations: ObservationRecord[];
  lateUpdates: ObservationRecord[];
  /** Its scores in timestamp order, and those arriving later in `updatedAt` order. */
  scores: ScoreRecord[];
  lateScores: ScoreRecord[];
}
