import type { ScoreBinPart, Span } from '@cupid-dashboard/core';
import { inScoreSpan, type ReadPart, readPart } from '@cupid-dashboard/sql-store';
import { sql } from 'kysely';
import { toNumber } from '../db/numbers';
import type { Num } from '../db/schema';
import type { Db } from '../db/types';

/** The sketch counts of a span's hours per name, summed in SQL from `score_hour_bins`. */
export function scoreBinsPart(
  db: Db,
  span: Span,
  name: string | undefined,
): ReadPart<ScoreBinPart[]> {
  const rows = inScoreSpan(db.selectFrom('score_hour_bins'), span, name)
    .select(['name', 'bin', sql<Num>`sum(count)`.as('count')])
    .groupBy(['name', 'bin']);
  const time = span.from ?? 0;
  return readPart(rows, (bins) =>
    bins.map((row) => ({ time, name: row.name, index: row.bin, count: toNumber(row.count) })),
  );
}
