export {
  bumpDataVersion,
  type DataVersionSchema,
  type DataVersionTable,
  readDataVersion,
} from './db/data-version';
export type { Num } from './db/numbers';
export { type SqlDb, sharedView } from './db/view';
