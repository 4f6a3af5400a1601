export type {
  EpochMs,
  ObservationLevel,
  ObservationRecord,
  ObservationType,
  SessionRecord,
  TraceRecord,
} from './records';
