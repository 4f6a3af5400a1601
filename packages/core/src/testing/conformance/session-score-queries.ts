import type { EpochMs } from '../../domain/records';
import type { TimeRange } from '../../store/common';
import type { SessionScoreFilter } from '../../store/session-score-filter';
import { SESSION_SCORES_MAX_IDS } from '../../store/session-scores';
import type { CupidDataset } from '../dataset/types';
import { type DifferentialQuery, scanAll } from './queries';

/**
 * The score queries sessions and zones add: session scores, the session list and scan filtered
 * by a score, and score series in local days and hours.
 */
export function sessionScoreQueries(
  dataset: CupidDataset,
  now: EpochMs,
  ranges: Record<string, TimeRange | undefined>,
): DifferentialQuery[] {
  const queries: DifferentialQuery[] = [];
  const add = (label: string, run: DifferentialQuery['run']) => queries.push({ label, run });
  const sessionIds = [
    ...new Set([
      ...dataset.sessions.map((s) => s.id),
      ...dataset.traces.flatMap((t) => t.sessionId ?? []),
      ...dataset.scores.flatMap((s) => s.sessionId ?? []),
    ]),
  ].sort();
  add('listSessionScores of the first sessions, and an unknown one', (s) =>
    s.listSessionScores({ sessionIds: [...sessionIds.slice(0, 50), 'no-such-session'] }),
  );
  add('listSessionScores of the last sessions', (s) =>
    s.listSessionScores({ sessionIds: sessionIds.slice(-SESSION_SCORES_MAX_IDS) }),
  );
  const filters: Record<string, SessionScoreFilter> = {
    'any helpfulness': { name: 'helpfulness' },
    'helpfulness at most 0.555': { name: 'helpfulness', max: 0.555 },
    'helpfulness from 0.605 to 0.805': { name: 'helpfulness', min: 0.605, max: 0.805 },
    'feedback False': { name: 'user-feedback', value: 'False' },
    'feedback mean at least 0.5': { name: 'user-feedback', min: 0.5 },
    'tone playful': { name: 'tone', value: 'playful' },
    'no such score': { name: 'no-such-score' },
  };
  for (const [label, score] of Object.entries(filters)) {
    add(`listSessions score ${label}`, (s) =>
      s.listSessions({ score, sort: 'cost', limit: 200, now }),
    );
  }
  add('listSessions 7d, score helpfulness at most 0.7, status completed', (s) =>
    s.listSessions({
      range: ranges['7d'],
      status: 'completed',
      score: { name: 'helpfulness', max: 0.7 },
      now,
    }),
  );
  add('scanSessions score feedback True, batches of 9', (s) =>
    scanAll(s, { score: { name: 'user-feedback', value: 'True' }, limit: 9, now }),
  );
  const names = [...new Set(dataset.scores.map((score) => score.name))].sort();
  for (const name of names) {
    add(`getScore ${name} by Berlin day`, (s) =>
      s.getScore({ name, bucket: 'day', timeZone: 'Europe/Berlin' }),
    );
    add(`getScore ${name} 24h by New York hour`, (s) =>
      s.getScore({ name, range: ranges['24h'], bucket: 'hour', timeZone: 'America/New_York' }),
    );
  }
  return queries;
}
