export { generateCupidDataset } from './generate';
export { costOf, MODEL_PRICES, type ModelPrice } from './models';
export {
  type CupidDatasetOptions,
  DatasetOptionError,
  MAX_DATASET_SESSIONS,
  type ResolvedDatasetOptions,
  resolveDatasetOptions,
} from './options';
export { seededRandom } from './prng';
export { renamedVersions } from './renamed';
export { drawSessionScores, SCORE_NAMES, type SessionScoreInput } from './scores';
export { streamCupidDataset } from './stream';
export { type DatasetSummary, summarizeDataset } from './summary';
export type { CupidDataset, CupidSessionChunk } from './types';
