import { type BucketSize, bucketStart } from '@cupid-dashboard/core';
import type { AgentSessionsTable } from '../db/schema';
import type { Db } from '../db/types';
import { type RollupTarget, writeRollupDeltas } from './rollup-writer';

const COLUMNS = ['bucket', 'agent', 'sessions'] as const;
const TARGETS = {
  hour: { table: 'agent_sessions_hour', key: ['bucket', 'agent'], columns: COLUMNS },
  day: { table: 'agent_sessions_day', key: ['bucket', 'agent'], columns: COLUMNS },
} as const satisfies Record<BucketSize, RollupTarget<'agent_sessions_hour' | 'agent_sessions_day'>>;

/**
 * Changes to the per-bucket count of sessions whose first call of an agent falls in the bucket.
 * Those counts add up over any set of buckets, which is what makes `AgentSummary.sessions`
 * answerable from rollups.
 */
export class AgentSessionDeltas {
  private readonly deltas = {
    hour: new Map<string, AgentSessionsTable>(),
    day: new Map<string, AgentSessionsTable>(),
  };

  /** Moves one session's first call of `agent` by `sign` at `firstStart`. */
  shift(agent: string, firstStart: number, sign: 1 | -1): void {
    for (const size of ['hour', 'day'] as const) {
      const bucket = bucketStart(firstStart, size);
      const key = keyOf({ bucket, agent });
      const delta = this.deltas[size].get(key);
      if (delta) delta.sessions += sign;
      else this.deltas[size].set(key, { agent, bucket, sessions: sign });
    }
  }

  /** Writes the changes through the shared delta writer; rows left at zero are deleted. */
  async apply(db: Db): Promise<void> {
    for (const size of ['hour', 'day'] as const) {
      const changed = new Map([...this.deltas[size]].filter(([, delta]) => delta.sessions !== 0));
      await writeRollupDeltas(db, TARGETS[size], changed, keyOf, (row, delta) => {
        const sessions = (row?.sessions ?? 0) + delta.sessions;
        return sessions > 0 ? { bucket: delta.bucket, agent: delta.agent, sessions } : null;
      });
    }
  }
}

function keyOf(row: Pick<AgentSessionsTable, 'bucket' | 'agent'>): string {
  return `${row.bucket}\u0000${row.agent}`;
}
