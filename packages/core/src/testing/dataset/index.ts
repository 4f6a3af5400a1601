export type { CupidDataset } from './types';
