export { metadataObject, numberMap } from './common';
export { observationToRecord } from './observation';
export { observationV2ToRecord } from './observation-v2';
export { sessionToRecord } from './session';
export { traceToRecord } from './trace';
