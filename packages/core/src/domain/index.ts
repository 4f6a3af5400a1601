export type {
  EpochMs,
  ObservationLevel,
  ObservationRecord,
  ObservationType,
  SessionRecord,
  TraceRecord,
} from './records';
export type { ScoreDataType, ScoreRecord, ScoreSource } from './score';
