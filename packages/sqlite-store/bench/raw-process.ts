/**
 * The raw baseline's process (started by `store.bench.ts`): inserts the pages its parent feeds
 * it into plain tables, then reports the time, the row count and the file's size.
 */
import { statSync } from 'node:fs';
import { childInput, fedPages, finish } from './feed';
import { rawInsert } from './raw-baseline';

/** What the parent passes: where to write. */
export interface RawInput {
  path: string;
}

/** What the raw baseline reports. */
export interface RawResult {
  ms: number;
  observations: number;
  bytes: number;
  peakRssMb: number;
}

const { path } = childInput<RawInput>();
const raw = await rawInsert(path, fedPages());
finish({
  ...raw,
  bytes: statSync(path).size,
  peakRssMb: process.resourceUsage().maxRSS / 1024,
} satisfies RawResult);
