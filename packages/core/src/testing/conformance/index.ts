export { assertSameAnswer, differences, FLOAT_RELATIVE_TOLERANCE } from './compare';
export {
  buildDataset,
  type ConformanceDataset,
  type DatasetShape,
  DEFAULT_CONFORMANCE_DATASETS,
  type ShapedDataset,
} from './datasets';
export { HOUR, MINUTE, observation, score, session, T0, trace } from './fixtures';
export { loadInOrder, loadShuffled } from './load';
export type { ConformanceContext, CreateConformanceStore, CreateSiblingStore } from './open-store';
export {
  type DifferentialQuery,
  differentialQueries,
  interestingRanges,
  statusProbeTimes,
} from './queries';
export { type StoreConformanceOptions, storeConformanceSuite } from './suite';
