import type { Db } from '../db/types';
import type { FactPart } from './fact-totals';

/** Which observations a fact read keeps. */
export interface FactFilter {
  /** Only this agent's observations. */
  agent?: string;
  /** Only observations with a model. */
  withModel?: boolean;
}

/** One fact part per observation started in `[from, to)`, from the covering start-time index. */
export async function readRawParts(
  db: Db,
  span: { from: number; to: number },
  filter: FactFilter,
): Promise<FactPart[]> {
  let select = db
    .selectFrom('observations')
    .select([
      'name',
      'model',
      'type',
      'start_time',
      'is_error',
      'cost',
      'tokens_input',
      'tokens_output',
      'tokens_total',
      'latency_ms',
    ])
    .where('start_time', '>=', span.from)
    .where('start_time', '<', span.to);
  if (filter.agent !== undefined) select = select.where('name', '=', filter.agent);
  if (filter.withModel) select = select.where('model', 'is not', null);
  const rows = await select.execute();
  return rows.map((row) => ({
    time: row.start_time,
    agent: row.name,
    model: row.model,
    calls: 1,
    generations: row.type === 'GENERATION' ? 1 : 0,
    errors: row.is_error,
    cost: row.cost,
    tokensInput: row.tokens_input,
    tokensOutput: row.tokens_output,
    tokensTotal: row.tokens_total,
    latencyCount: row.latency_ms === null ? 0 : 1,
    latencySum: row.latency_ms ?? 0,
    maxStart: row.start_time,
    bins: null,
    latencyMs: row.latency_ms,
  }));
}
