import { type BucketSize, bucketStart } from '@cupid-dashboard/core';
import { chunks } from '../chunks';
import { AGENT_SESSION_TABLES, type Db } from '../db/types';

/**
 * Changes to the per-bucket count of sessions whose first call of an agent falls in the bucket.
 * Those counts add up over any set of buckets, which is what makes `AgentSummary.sessions`
 * answerable from rollups.
 */
export class AgentSessionDeltas {
  private readonly deltas = {
    hour: new Map<string, { agent: string; bucket: number; sessions: number }>(),
    day: new Map<string, { agent: string; bucket: number; sessions: number }>(),
  };

  /** Moves one session's first call of `agent` by `sign` at `firstStart`. */
  shift(agent: string, firstStart: number, sign: 1 | -1): void {
    for (const size of ['hour', 'day'] as const) {
      const bucket = bucketStart(firstStart, size);
      const key = `${bucket}\u0000${agent}`;
      const delta = this.deltas[size].get(key);
      if (delta) delta.sessions += sign;
      else this.deltas[size].set(key, { agent, bucket, sessions: sign });
    }
  }

  /** Writes the changes; rows left at zero are deleted. */
  async apply(db: Db): Promise<void> {
    for (const size of ['hour', 'day'] as BucketSize[]) {
      const table = AGENT_SESSION_TABLES[size] as 'agent_sessions_hour';
      const changed = [...this.deltas[size].values()].filter((delta) => delta.sessions !== 0);
      for (const slice of chunks(changed, 3000)) {
        await db
          .insertInto(table)
          .values(slice)
          .onConflict((conflict) =>
            conflict.columns(['bucket', 'agent']).doUpdateSet((eb) => ({
              sessions: eb(`${table}.sessions`, '+', eb.ref('excluded.sessions')),
            })),
          )
          .execute();
        await db
          .deleteFrom(table)
          .where('sessions', '<=', 0)
          .where(
            'bucket',
            'in',
            slice.map((delta) => delta.bucket),
          )
          .where(
            'agent',
            'in',
            slice.map((delta) => delta.agent),
          )
          .execute();
      }
    }
  }
}
