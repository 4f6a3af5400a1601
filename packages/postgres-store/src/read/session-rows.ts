import type { DashboardPreset, EpochMs, SessionStatus } from '@cupid-dashboard/core';
import { sessionStatusSql } from '@cupid-dashboard/sql-store';
import { type RawBuilder, type SelectQueryBuilder, sql } from 'kysely';
import type { StoreSchema } from '../db/schema';

/**
 * A session's status at `now`, in SQL, in the order of core's `sessionStatus`; the activity
 * bound is cast to `bigint` like the column it is compared with.
 */
export function statusSql(preset: DashboardPreset, now: EpochMs): RawBuilder<SessionStatus> {
  return sessionStatusSql(preset, now, sql`::bigint`);
}

/** A query over sessions. */
export type SessionQuery = SelectQueryBuilder<StoreSchema, 'session_agg', object>;

// The dashboard and the stats read sessions started in range through here, like the list.
export { whereStarted } from '@cupid-dashboard/sql-store';
