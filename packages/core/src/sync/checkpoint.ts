import { z } from 'zod';
import type { JsonValue } from '../store/common';
import type { SyncApiMode } from '../store/sync-state';
import type { EntityCounts } from '../store/upsert';
import type { SyncWindow } from './types';

/** The legacy endpoints in the order a legacy run reads them; scores come last in both modes. */
export const LEGACY_PHASES = ['sessions', 'traces', 'observations', 'scores'] as const;
export type LegacyPhase = (typeof LEGACY_PHASES)[number];

/**
 * Where a run stands, saved after every committed page. A run that finds one resumes it with the
 * SAME window: the v2 cursor is a position that is only valid with identical filters.
 */
export interface SyncCheckpoint {
  v: 1;
  mode: SyncApiMode;
  window: SyncWindow;
  /**
   * v2: the cursor of the next page (of observations, then of v3 scores); null before the first
   * page and after the last.
   */
  cursor: string | null;
  /**
   * legacy: the endpoint being walked and the next page number (from 1); v2: null while walking
   * observations, `'scores'` once on scores (`page` counts v2 score pages on a server without v3).
   */
  phase: LegacyPhase | null;
  page: number;
  /** True once every page of the window is committed (only finishing work remains). */
  done: boolean;
  /** Pages committed so far in this window. */
  pages: number;
  /** Records sent to the store so far in this window. */
  fetched: EntityCounts;
  skippedCount: number;
  skippedIds: string[];
}

const counts = z.object({
  sessions: z.number().int().nonnegative(),
  traces: z.number().int().nonnegative(),
  observations: z.number().int().nonnegative(),
  // Checkpoints written before scores were synced have none.
  scores: z.number().int().nonnegative().default(0),
});

const checkpointSchema = z.object({
  v: z.literal(1),
  mode: z.enum(['v2', 'legacy']),
  window: z.object({ from: z.number().nullable(), to: z.number() }),
  cursor: z.string().nullable(),
  phase: z.enum(LEGACY_PHASES).nullable(),
  page: z.number().int().positive(),
  done: z.boolean(),
  pages: z.number().int().nonnegative(),
  fetched: counts,
  skippedCount: z.number().int().nonnegative(),
  skippedIds: z.array(z.string()),
});

/**
 * Reads a persisted checkpoint; null when there is none or it is not one this version wrote
 * (an unreadable checkpoint is dropped and the run starts a fresh window, which is safe:
 * upserts by id make re-reading harmless).
 *
 * @example
 * const checkpoint = parseCheckpoint((await store.getSyncState()).checkpoint);
 */
export function parseCheckpoint(value: JsonValue | null): SyncCheckpoint | null {
  if (value === null) return null;
  const parsed = checkpointSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/**
 * A fresh checkpoint for a window.
 *
 * @example
 * newCheckpoint('v2', { from: null, to: Date.now() }).cursor; // null
 */
export function newCheckpoint(mode: SyncApiMode, window: SyncWindow): SyncCheckpoint {
  return {
    v: 1,
    mode,
    window,
    cursor: null,
    phase: mode === 'legacy' ? 'sessions' : null,
    page: 1,
    done: false,
    pages: 0,
    fetched: { sessions: 0, traces: 0, observations: 0, scores: 0 },
    skippedCount: 0,
    skippedIds: [],
  };
}

/** The checkpoint as the JSON the store persists. */
export function checkpointJson(checkpoint: SyncCheckpoint): JsonValue {
  return JSON.parse(JSON.stringify(checkpoint)) as JsonValue;
}
