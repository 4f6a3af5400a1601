export * from './common';
export * from './envelopes';
export type { LangfuseObservation } from './observation';
export { type LangfuseObservationV2, observationV2Schema } from './observation-v2';
export {
  type LangfuseScore,
  type LangfuseScoreV3,
  scoreDataTypeSchema,
  scoreSchema,
  scoreSourceSchema,
  scoreSubjectV3Schema,
  scoreV3Schema,
} from './score';
export { type LangfuseSession, sessionSchema } from './session';
export { type LangfuseTrace, traceSchema } from './trace';
