import { type BucketSize, bucketStart } from '@cupid-dashboard/core';
import { chunks } from '../chunks';
import type { SESSION_FACT_COLUMNS } from '../db/columns';
import type { SessionAggTable, SessionRollupTable } from '../db/schema';
import type { Db } from '../db/types';

/** The session fields the session rollups add up. */
export type SessionFacts = Pick<SessionAggTable, (typeof SESSION_FACT_COLUMNS)[number]>;

interface SessionDelta {
  bucket: number;
  sessions: number;
  durationSum: number;
  cost: number;
  tokensInput: number;
  tokensOutput: number;
  tokensTotal: number;
  /** Chapter reached (or "null") → [sessions, sessions with errors]. */
  chapters: Map<string, [number, number]>;
}

const TABLES = { hour: 'session_hour', day: 'session_day' } as const;

/**
 * Changes to the sessions counted per UTC bucket of their start: counts, durations, cost,
 * tokens, and the distribution of chapters reached (with and without errors), from which the
 * status counts (but `active`, which depends on the clock) and the funnel follow for any preset.
 */
export class SessionRollupDeltas {
  private readonly deltas = {
    hour: new Map<number, SessionDelta>(),
    day: new Map<number, SessionDelta>(),
  };

  /** Adds (`sign` 1) or removes (`sign` -1) one session's values. */
  shift(session: SessionFacts, sign: 1 | -1): void {
    for (const size of ['hour', 'day'] as const) {
      const bucket = bucketStart(session.started_at, size);
      let delta = this.deltas[size].get(bucket);
      if (!delta) {
        delta = emptyDelta(bucket);
        this.deltas[size].set(bucket, delta);
      }
      delta.sessions += sign;
      delta.durationSum += sign * session.duration_ms;
      delta.cost += sign * session.cost;
      delta.tokensInput += sign * session.tokens_input;
      delta.tokensOutput += sign * session.tokens_output;
      delta.tokensTotal += sign * session.tokens_total;
      const key = String(session.chapter_reached);
      const counts = delta.chapters.get(key) ?? [0, 0];
      counts[0] += sign;
      if (session.error_count > 0) counts[1] += sign;
      delta.chapters.set(key, counts);
    }
  }

  /** Writes the changes (read, add, write back; rows left without sessions are deleted). */
  async apply(db: Db): Promise<void> {
    for (const size of ['hour', 'day'] as BucketSize[]) {
      const deltas = this.deltas[size];
      if (deltas.size === 0) continue;
      const table = TABLES[size] as 'session_hour';
      for (const slice of chunks([...deltas.keys()], 500)) {
        const stored = new Map(
          (await db.selectFrom(table).selectAll().where('bucket', 'in', slice).execute()).map(
            (row) => [row.bucket, row],
          ),
        );
        const upserts: SessionRollupTable[] = [];
        const deletes: number[] = [];
        for (const bucket of slice) {
          const delta = deltas.get(bucket) as SessionDelta;
          const row = stored.get(bucket);
          const sessions = (row?.sessions ?? 0) + delta.sessions;
          if (sessions <= 0) {
            if (row) deletes.push(bucket);
            continue;
          }
          const chapters = new Map<string, [number, number]>(
            Object.entries(
              row ? (JSON.parse(row.chapters) as Record<string, [number, number]>) : {},
            ),
          );
          for (const [key, [count, errors]] of delta.chapters) {
            const current = chapters.get(key) ?? [0, 0];
            const next: [number, number] = [current[0] + count, current[1] + errors];
            if (next[0] === 0 && next[1] === 0) chapters.delete(key);
            else chapters.set(key, next);
          }
          upserts.push({
            bucket,
            sessions,
            duration_sum: (row?.duration_sum ?? 0) + delta.durationSum,
            cost: (row?.cost ?? 0) + delta.cost,
            tokens_input: (row?.tokens_input ?? 0) + delta.tokensInput,
            tokens_output: (row?.tokens_output ?? 0) + delta.tokensOutput,
            tokens_total: (row?.tokens_total ?? 0) + delta.tokensTotal,
            chapters: JSON.stringify(Object.fromEntries(chapters)),
          });
        }
        for (const rows of chunks(upserts, 1000)) {
          await db
            .insertInto(table)
            .values(rows)
            .onConflict((conflict) =>
              conflict.column('bucket').doUpdateSet((eb) => ({
                sessions: eb.ref('excluded.sessions'),
                duration_sum: eb.ref('excluded.duration_sum'),
                cost: eb.ref('excluded.cost'),
                tokens_input: eb.ref('excluded.tokens_input'),
                tokens_output: eb.ref('excluded.tokens_output'),
                tokens_total: eb.ref('excluded.tokens_total'),
                chapters: eb.ref('excluded.chapters'),
              })),
            )
            .execute();
        }
        if (deletes.length > 0) await db.deleteFrom(table).where('bucket', 'in', deletes).execute();
      }
    }
  }
}

function emptyDelta(bucket: number): SessionDelta {
  return {
    bucket,
    sessions: 0,
    durationSum: 0,
    cost: 0,
    tokensInput: 0,
    tokensOutput: 0,
    tokensTotal: 0,
    chapters: new Map(),
  };
}
