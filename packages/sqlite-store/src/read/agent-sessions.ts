import type { TimeRange } from '@cupid-dashboard/core';
import { planRange, rollupSpans } from '@cupid-dashboard/core';
import type { Db } from '../db/types';
import { inSpan } from './rollup-spans';

/**
 * Per agent, the sessions whose first call of it starts in range: whole days and hours from the
 * per-bucket counts, edges from the first-call rows.
 */
export async function agentSessionCounts(
  db: Db,
  range: TimeRange | undefined,
  agent?: string,
): Promise<Map<string, number>> {
  const plan = planRange(range, true);
  const counts = new Map<string, number>();
  const add = (name: string, sessions: number) =>
    counts.set(name, (counts.get(name) ?? 0) + sessions);
  const tables = { day: 'agent_sessions_day', hour: 'agent_sessions_hour' } as const;
  for (const { table, span } of rollupSpans(plan, tables)) {
    let select = inSpan(db.selectFrom(table as 'agent_sessions_hour'), span)
      .select(['agent', (eb) => eb.fn.sum<number>('sessions').as('sessions')])
      .groupBy('agent');
    if (agent !== undefined) select = select.where('agent', '=', agent);
    for (const row of await select.execute()) add(row.agent, Number(row.sessions));
  }
  for (const span of plan.raw) {
    let select = db
      .selectFrom('agent_first')
      .select(['agent', (eb) => eb.fn.countAll<number>().as('sessions')])
      .where('first_start', '>=', span.from)
      .where('first_start', '<', span.to)
      .groupBy('agent');
    if (agent !== undefined) select = select.where('agent', '=', agent);
    for (const row of await select.execute()) add(row.agent, Number(row.sessions));
  }
  return counts;
}
