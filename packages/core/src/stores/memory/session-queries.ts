import type { EpochMs } from '../../domain/records';
import type { DashboardPreset } from '../../presets/types';
import { chapterFunnel } from '../../semantics/chapters';
import { nearestRank } from '../../semantics/percentiles';
import { matchesSearch, normalizeSearchQuery } from '../../semantics/search';
import { compareSessionPositions } from '../../semantics/session-order';
import { sessionStatus } from '../../semantics/status';
import { inTimeRange } from '../../semantics/time-range';
import { addTokens, ZERO_TOKENS } from '../../semantics/tokens';
import type { SortOrder, TimeRange } from '../../store/common';
import { sessionCursorOf } from '../../store/session-scan';
import type { SessionRow, SessionSortKey, SessionStats, SessionStatus } from '../../store/sessions';
import { type DerivedData, type SessionAggregate, sessionConversation } from './derive';

/** A session as the API shows it at `now`. */
export function sessionRow(
  aggregate: SessionAggregate,
  preset: DashboardPreset,
  now: EpochMs,
): SessionRow {
  return {
    id: aggregate.id,
    userId: aggregate.userId,
    startedAt: aggregate.startedAt,
    lastActivityAt: aggregate.lastActivityAt,
    durationMs: aggregate.lastActivityAt - aggregate.startedAt,
    traceCount: aggregate.traceIds.size,
    generationCount: aggregate.generationCount,
    observationCount: aggregate.observationCount,
    chapterReached: aggregate.chapterReached,
    chapterName:
      aggregate.chapterReached === null
        ? null
        : (preset.chapterNames[aggregate.chapterReached] ?? null),
    status: sessionStatus(aggregate, preset, now),
    cost: aggregate.cost,
    tokens: { ...aggregate.tokens },
    errorCount: aggregate.errorCount,
  };
}

/** The sessions started in range, as rows at `now`. */
export function sessionsInRange(
  derived: DerivedData,
  preset: DashboardPreset,
  range: TimeRange | undefined,
  now: EpochMs,
): SessionRow[] {
  return [...derived.sessions.values()]
    .filter((aggregate) => inTimeRange(aggregate.startedAt, range))
    .map((aggregate) => sessionRow(aggregate, preset, now));
}

/** Whether a session matches a search over its id, user and message contents. */
export function sessionMatches(
  aggregate: SessionAggregate,
  preset: DashboardPreset,
  search: string,
): boolean {
  if (normalizeSearchQuery(search) === '') return true;
  if (matchesSearch([aggregate.id, aggregate.userId], search)) return true;
  return matchesSearch(
    sessionConversation(aggregate, preset).map((message) => message.content),
    search,
  );
}

/** Sorts rows by a key in the order every store shares (`compareSessionPositions`). */
export function sortSessions(
  rows: SessionRow[],
  sort: SessionSortKey,
  order: SortOrder,
): SessionRow[] {
  return rows.sort((a, b) =>
    compareSessionPositions(sessionCursorOf(a, sort), sessionCursorOf(b, sort), order),
  );
}

/** Statistics over rows already filtered to the range. */
export function sessionStats(rows: readonly SessionRow[], preset: DashboardPreset): SessionStats {
  const byStatus: Record<SessionStatus, number> = {
    completed: 0,
    active: 0,
    abandoned: 0,
    error: 0,
  };
  let cost = 0;
  let tokens = { ...ZERO_TOKENS };
  const users = new Set<string>();
  for (const row of rows) {
    byStatus[row.status]++;
    cost += row.cost;
    tokens = addTokens(tokens, row.tokens);
    if (row.userId !== null) users.add(row.userId);
  }
  const durations = rows.map((row) => row.durationMs).sort((a, b) => a - b);
  const total = rows.length;
  return {
    total,
    byStatus,
    completionRate: total === 0 ? 0 : byStatus.completed / total,
    avgDurationMs: total === 0 ? null : durations.reduce((sum, d) => sum + d, 0) / total,
    medianDurationMs: nearestRank(durations, 50),
    cost,
    tokens,
    uniqueUsers: users.size,
    funnel: chapterFunnel(
      rows.map((row) => row.chapterReached),
      preset,
    ),
  };
}
