export { metadataObject, numberMap } from './common';
export { observationToRecord } from './observation';
export { observationV2ToRecord } from './observation-v2';
export { scoreToRecord, scoreV3ToRecord } from './score';
export { sessionToRecord } from './session';
export { traceToRecord } from './trace';
