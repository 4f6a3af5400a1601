import { generationSearchLines, type SearchChanges, sessionIdentText } from '@cupid-dashboard/core';
import { chunks } from '../chunks';
import { fromJson } from '../db/json';
import { searchGrams } from '../db/search-grams';
import type { Db } from '../db/types';
import { insertSearchChars, insertSearchPairs, insertSearchRows } from './inserts';

/** A session whose aggregates were just written. */
export interface SearchTarget {
  id: string;
  userId: string | null;
  /** `session_agg.rowid`, which is also the FTS rowid. */
  rowid: number;
  /** The row before the batch; null for a session that was unknown. */
  stored: { rowid: number; user_id: string | null } | null;
}

/**
 * Brings the FTS rows and grams of the given sessions up to date: appended lines are merged into
 * the stored text (a set of distinct lines), rebuilt sessions re-read their generations, and an
 * unchanged session is not written at all.
 */
export async function writeSessionSearch(
  db: Db,
  input: {
    sessions: readonly SearchTarget[];
    removedRowids: readonly number[];
    search: SearchChanges;
  },
): Promise<void> {
  const { search } = input;
  const rebuild: SearchTarget[] = [];
  const append: SearchTarget[] = [];
  const identOnly: SearchTarget[] = [];
  for (const target of input.sessions) {
    const change = search.get(target.id);
    if (change?.rebuild) rebuild.push(target);
    else if (change && change.lines.size > 0) append.push(target);
    else if (target.stored === null || target.stored.user_id !== target.userId) {
      identOnly.push(target);
    }
  }
  if (rebuild.length + append.length + identOnly.length + input.removedRowids.length === 0) return;

  const bodies = new Map<string, Set<string>>();
  for (const slice of chunks(rebuild, 200)) {
    const generations = await db
      .selectFrom('observations')
      .select(['eff_session_id', 'type', 'input', 'output'])
      .where(
        'eff_session_id',
        'in',
        slice.map((target) => target.id),
      )
      .where('type', '=', 'GENERATION')
      .execute();
    for (const target of slice) bodies.set(target.id, new Set());
    for (const row of generations) {
      const lines = generationSearchLines({
        type: row.type,
        input: fromJson(row.input),
        output: fromJson(row.output),
      });
      const body = bodies.get(row.eff_session_id as string);
      for (const line of lines) body?.add(line);
    }
  }
  const needStored = [...append, ...identOnly].filter((target) => target.stored !== null);
  const storedBodies = new Map<number, string>();
  for (const slice of chunks(needStored, 500)) {
    const rows = await db
      .selectFrom('session_fts')
      .select(['rowid', 'body'])
      .where(
        'rowid',
        'in',
        slice.map((target) => (target.stored as { rowid: number }).rowid),
      )
      .execute();
    for (const row of rows) storedBodies.set(row.rowid, row.body);
  }
  for (const target of [...append, ...identOnly]) {
    const stored = target.stored ? storedBodies.get(target.stored.rowid) : undefined;
    const body = new Set(stored ? stored.split('\n') : []);
    for (const line of search.get(target.id)?.lines ?? []) body.add(line);
    bodies.set(target.id, body);
  }

  const rewritten = [...rebuild, ...append, ...identOnly];
  const staleRowids = [
    ...input.removedRowids,
    ...rewritten.flatMap((target) => (target.stored ? [target.stored.rowid] : [])),
  ];
  for (const slice of chunks(staleRowids, 500)) {
    await db.deleteFrom('session_fts').where('rowid', 'in', slice).execute();
    await db.deleteFrom('session_chars').where('rowid', 'in', slice).execute();
    await db.deleteFrom('session_pairs').where('rowid', 'in', slice).execute();
  }
  const rows = rewritten.map((target) => ({
    rowid: target.rowid,
    ident: sessionIdentText(target.id, target.userId),
    body: [...(bodies.get(target.id) ?? [])].join('\n'),
  }));
  await insertSearchRows(db, rows);
  await writeSearchGrams(db, rows);
}

/** The grams of the given search rows, written to their two tables. */
export async function writeSearchGrams(
  db: Db,
  rows: ReadonlyArray<{ rowid: number; ident: string; body: string }>,
): Promise<void> {
  const grams = rows.map((row) => ({ rowid: row.rowid, ...searchGrams([row.ident, row.body]) }));
  await insertSearchChars(db, grams);
  await insertSearchPairs(db, grams);
}
