import type { StoreCounts } from '@cupid-dashboard/core';
import { readStoreCounts } from '@cupid-dashboard/sql-store';
import { countRollupNames } from '../db/counters';
import type { Db } from '../db/types';

/** Stored and derived row counts: maintained counters plus distinct names of the daily rollups. */
export function readCounts(db: Db): Promise<StoreCounts> {
  return readStoreCounts(db, countRollupNames);
}
