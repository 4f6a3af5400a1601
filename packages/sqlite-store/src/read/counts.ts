import type { StoreCounts } from '@cupid-dashboard/core';
import { countRollupNames, countScoreNames, readCounters } from '../db/counters';
import type { Db } from '../db/types';

/** Stored and derived row counts: maintained counters plus distinct names of the daily rollups. */
export async function readCounts(db: Db): Promise<StoreCounts> {
  const counters = await readCounters(db);
  const names = await countRollupNames(db);
  return {
    records: {
      sessions: counters.sessions,
      traces: counters.traces,
      observations: counters.observations,
      scores: counters.scores,
    },
    derived: {
      sessions: counters.derived_sessions,
      traces: counters.derived_traces,
      agents: names.agents,
      models: names.models,
      scoreNames: await countScoreNames(db),
    },
  };
}
