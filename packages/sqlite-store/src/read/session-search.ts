import { normalizeSearchQuery } from '@cupid-dashboard/core';
import { type ExpressionBuilder, sql } from 'kysely';
import type { StoreSchema } from '../db/schema';
import { codeOf, pairBit, pairBitTest } from '../db/search-grams';
import type { Db } from '../db/types';

type Eb = ExpressionBuilder<StoreSchema, 'session_agg'>;

/** Sessions whose grams are tested to tell whether a pair is common. */
const SAMPLE_SESSIONS = 256;

/**
 * Above this share of sampled sessions passing a pair's characters and bit, the pair is common:
 * reading each passing session's text by rowid then costs more than one scan of every text
 * (measured at 1M observations: a pair nearly every session holds, 'lo', 239 ms by rowid against
 * 36 ms scanned, where a scan stops at the first match; a rare one, 'zq', 40 against 123).
 */
const COMMON_SHARE = 0.25;

/**
 * How a search restricts the sessions: the normalised needle and the plan chosen for it.
 * - `phrase`: three or more characters, through the FTS5 trigram index as one quoted phrase;
 * - `chars`: one character, answered exactly by each session's distinct characters;
 * - `pair`: two characters, checked against the text of only the sessions holding both
 *   characters and the pair's bit (a rare pair);
 * - `scan`: two characters, checked against every session's text (a common pair).
 */
export type SessionSearch =
  | { plan: 'phrase'; needle: string }
  | { plan: 'chars'; needle: string }
  | { plan: 'pair' | 'scan'; needle: string; first: string; second: string };

/**
 * Chooses the plan of a search (null when the query is empty once normalised). Two characters
 * read a sample of the sessions' grams, so a common pair is scanned rather than looked up.
 */
export async function planSearch(db: Db, search: string): Promise<SessionSearch | null> {
  const needle = normalizeSearchQuery(search);
  if (needle === '') return null;
  const chars = [...needle];
  if (chars.length >= 3) return { plan: 'phrase', needle };
  const [first, second] = chars as [string, string | undefined];
  if (second === undefined) return { plan: 'chars', needle };
  const common = await pairIsCommon(db, first, second);
  return { plan: common ? 'scan' : 'pair', needle, first, second };
}

/** Whether more than {@link COMMON_SHARE} of a sample of sessions pass a pair's grams. */
async function pairIsCommon(db: Db, first: string, second: string): Promise<boolean> {
  const { position, mask } = pairBitTest(pairBit(codeOf(first), codeOf(second)));
  const row = await db
    .selectFrom((eb) =>
      eb.selectFrom('session_chars').select(['rowid', 'chars']).limit(SAMPLE_SESSIONS).as('sample'),
    )
    .innerJoin('session_pairs', 'session_pairs.rowid', 'sample.rowid')
    .select([
      sql<number>`count(*)`.as('sampled'),
      sql<number>`coalesce(sum(instr(sample.chars, ${first}) > 0 and instr(sample.chars, ${second}) > 0
        and instr(${mask}, substr(session_pairs.pairs, ${position}, 1)) > 0), 0)`.as('passing'),
    ])
    .executeTakeFirstOrThrow();
  return row.sampled > 0 && row.passing / row.sampled > COMMON_SHARE;
}

/**
 * The condition a search puts on `session_agg`. By default the matching rowids are found first
 * (`rowid in (…)`), which suits few matches. `correlated` checks each session as the query walks
 * its sort index instead (`exists (…)` keyed by the session's rowid), which suits a page of many
 * matches: the walk stops once the page is full.
 */
export function searchCondition(search: SessionSearch, correlated: boolean) {
  return (eb: Eb) => {
    if (search.plan === 'phrase') {
      const phrase = `"${search.needle.replaceAll('"', '""')}"`;
      const matches = eb
        .selectFrom('session_fts')
        .select('session_fts.rowid')
        .where(sql<boolean>`session_fts match ${phrase}`);
      return correlated
        ? eb(sql<number>`+session_agg.rowid`, 'in', matches)
        : eb('rowid', 'in', matches);
    }
    const matches = matchingRowids(eb, search, correlated);
    return correlated ? eb.exists(matches) : eb('rowid', 'in', matches);
  };
}

/**
 * The rowids of the sessions matching a one- or two-character search, by its plan; only the
 * session of the outer query's row when `correlated`.
 */
function matchingRowids(
  eb: Eb,
  search: Exclude<SessionSearch, { plan: 'phrase' }>,
  correlated: boolean,
) {
  const { needle } = search;
  const textHolds = sql<boolean>`(instr(session_fts.ident, ${needle}) > 0 or instr(session_fts.body, ${needle}) > 0)`;
  if (search.plan === 'scan') {
    const scan = eb.selectFrom('session_fts').select('session_fts.rowid').where(textHolds);
    return correlated ? scan.whereRef('session_fts.rowid', '=', 'session_agg.rowid') : scan;
  }
  const chars = correlated
    ? eb.selectFrom('session_chars').whereRef('session_chars.rowid', '=', 'session_agg.rowid')
    : eb.selectFrom('session_chars');
  if (search.plan === 'chars') {
    return chars
      .select('session_chars.rowid')
      .where(sql<boolean>`instr(session_chars.chars, ${needle}) > 0`);
  }
  const { position, mask } = pairBitTest(pairBit(codeOf(search.first), codeOf(search.second)));
  // Cross joins keep SQLite's join order: characters first, then bitmaps and text by rowid.
  return chars
    .crossJoin('session_pairs')
    .crossJoin('session_fts')
    .select('session_chars.rowid')
    .where(sql<boolean>`instr(session_chars.chars, ${search.first}) > 0`)
    .where(sql<boolean>`instr(session_chars.chars, ${search.second}) > 0`)
    .whereRef('session_pairs.rowid', '=', 'session_chars.rowid')
    .where(sql<boolean>`instr(${mask}, substr(session_pairs.pairs, ${position}, 1)) > 0`)
    .whereRef('session_fts.rowid', '=', 'session_chars.rowid')
    .where(textHolds);
}
