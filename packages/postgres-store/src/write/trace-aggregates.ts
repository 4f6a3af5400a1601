import { traceLatencyMs } from '@cupid-dashboard/core';
import { toNumber, toNumberOrNull } from '../db/numbers';
import type { TraceAggTable } from '../db/schema';
import type { Db } from '../db/types';
import { chunks } from './versions';

/**
 * Recomputes the aggregates of the given traces from their record and observations: time (the
 * record's timestamp, else the earliest observation start), latency (core's `traceLatencyMs`) and
 * cost. A trace nothing names any more loses its row.
 */
export async function refreshTraces(db: Db, ids: readonly string[]): Promise<void> {
  for (const slice of chunks(ids, 1000)) {
    const records = await db
      .selectFrom('traces')
      .select(['id', 'timestamp'])
      .where('id', 'in', slice)
      .execute();
    const observations = await db
      .selectFrom('observations')
      .select(['trace_id', 'start_time', 'end_time', 'cost'])
      .where('trace_id', 'in', slice)
      .orderBy('start_time')
      .orderBy('id')
      .execute();
    const timestamps = new Map(records.map((row) => [row.id, toNumber(row.timestamp)]));
    const members = new Map<
      string,
      { startTime: number; endTime: number | null; cost: number }[]
    >();
    for (const row of observations) {
      if (row.trace_id === null) continue;
      const list = members.get(row.trace_id) ?? [];
      list.push({
        startTime: toNumber(row.start_time),
        endTime: toNumberOrNull(row.end_time),
        cost: row.cost,
      });
      members.set(row.trace_id, list);
    }
    const rows: TraceAggTable[] = [];
    const gone: string[] = [];
    for (const id of slice) {
      const list = members.get(id) ?? [];
      const timestamp = timestamps.get(id) ?? list[0]?.startTime;
      if (timestamp === undefined) {
        gone.push(id);
        continue;
      }
      const cost = list.reduce((sum, member) => sum + member.cost, 0);
      rows.push({ id, timestamp, latency_ms: traceLatencyMs(list), cost });
    }
    if (gone.length > 0) await db.deleteFrom('trace_agg').where('id', 'in', gone).execute();
    if (rows.length === 0) continue;
    await db
      .insertInto('trace_agg')
      .values(rows)
      .onConflict((conflict) =>
        conflict.column('id').doUpdateSet((eb) => ({
          timestamp: eb.ref('excluded.timestamp'),
          latency_ms: eb.ref('excluded.latency_ms'),
          cost: eb.ref('excluded.cost'),
        })),
      )
      .execute();
  }
}
