export * from './common';
export * from './envelopes';
export type { LangfuseObservation } from './observation';
export { type LangfuseObservationV2, observationV2Schema } from './observation-v2';
export { type LangfuseSession, sessionSchema } from './session';
export { type LangfuseTrace, traceSchema } from './trace';
