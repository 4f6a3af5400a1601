import { type BucketSize, bucketStart } from '@cupid-dashboard/core';
import type { SESSION_FACT_COLUMNS } from '../db/columns';
import type { SessionAggTable, SessionRollupTable } from '../db/schema';
import type { Db } from '../db/types';
import { type RollupTarget, writeRollupDeltas } from './rollup-writer';

const SESSION_ROLLUP_COLUMNS = [
  'bucket',
  'sessions',
  'duration_sum',
  'cost',
  'tokens_input',
  'tokens_output',
  'tokens_total',
  'chapters',
] as const satisfies readonly (keyof SessionRollupTable)[];

/** The session fields the session rollups add up. */
export type SessionFacts = Pick<SessionAggTable, (typeof SESSION_FACT_COLUMNS)[number]>;

/** The change a batch makes to one session rollup row. */
export interface SessionDelta {
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

const TARGETS = {
  hour: { table: 'session_hour', key: ['bucket'], columns: SESSION_ROLLUP_COLUMNS },
  day: { table: 'session_day', key: ['bucket'], columns: SESSION_ROLLUP_COLUMNS },
} as const satisfies Record<BucketSize, RollupTarget<'session_hour' | 'session_day'>>;

/**
 * Changes to the sessions counted per UTC bucket of their start: counts, durations, cost,
 * tokens, and the distribution of chapters reached (with and without errors), from which the
 * status counts (but `active`, which depends on the clock) and the funnel follow for any preset.
 */
export class SessionRollupDeltas {
  private readonly deltas = {
    hour: new Map<string, SessionDelta>(),
    day: new Map<string, SessionDelta>(),
  };

  /** Adds (`sign` 1) or removes (`sign` -1) one session's values. */
  shift(session: SessionFacts, sign: 1 | -1): void {
    for (const size of ['hour', 'day'] as const) {
      const bucket = bucketStart(session.started_at, size);
      let delta = this.deltas[size].get(String(bucket));
      if (!delta) {
        delta = emptyDelta(bucket);
        this.deltas[size].set(String(bucket), delta);
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

  /** Writes the changes through the shared delta writer; rows left without sessions go. */
  async apply(db: Db): Promise<void> {
    for (const size of ['hour', 'day'] as const) {
      await writeRollupDeltas(
        db,
        TARGETS[size],
        this.deltas[size],
        (row) => String(row.bucket),
        addSessionDelta,
      );
    }
  }
}

/** A session rollup row after adding a delta; null when no sessions are left. */
export function addSessionDelta(
  row: SessionRollupTable | undefined,
  delta: SessionDelta,
): SessionRollupTable | null {
  const sessions = (row?.sessions ?? 0) + delta.sessions;
  if (sessions <= 0) return null;
  const chapters = new Map<string, [number, number]>(
    Object.entries(row ? (JSON.parse(row.chapters) as Record<string, [number, number]>) : {}),
  );
  for (const [key, [count, errors]] of delta.chapters) {
    const current = chapters.get(key) ?? [0, 0];
    const next: [number, number] = [current[0] + count, current[1] + errors];
    if (next[0] === 0 && next[1] === 0) chapters.delete(key);
    else chapters.set(key, next);
  }
  return {
    bucket: delta.bucket,
    sessions,
    duration_sum: (row?.duration_sum ?? 0) + delta.durationSum,
    cost: (row?.cost ?? 0) + delta.cost,
    tokens_input: (row?.tokens_input ?? 0) + delta.tokensInput,
    tokens_output: (row?.tokens_output ?? 0) + delta.tokensOutput,
    tokens_total: (row?.tokens_total ?? 0) + delta.tokensTotal,
    chapters: JSON.stringify(Object.fromEntries(chapters)),
  };
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
