export type { ObservationPosition } from './data/order';
export type { PublishInput } from './data/store';
export type {
  DropConnectionFault,
  FaultKind,
  FaultScope,
  FaultSpec,
  MalformedFault,
  RateLimitFault,
  RepeatCursorFault,
  ServerErrorFault,
  SlowFault,
} from './faults/types';
export { decodeCursor, encodeCursor } from './http/cursor';
export type { EndpointName } from './http/routes';
export type { RateLimitOptions, SimulatorDataset, SimulatorOptions } from './options';
export type { RequestLogEntry } from './request-log';
export { createLangfuseSimulator, type LangfuseSimulator } from './simulator';
export type { FetchFunction } from './transports/fetch';
export type { ListenOptions, RunningServer } from './transports/node-server';
export {
  buildTruth,
  type ChecksumScope,
  type Checksums,
  checksumRecords,
  type RecordSet,
  type Truth,
} from './truth';
