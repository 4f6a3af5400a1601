import type { EpochMs } from '../../domain/records';
import type { ScoreRecord } from '../../domain/score';
import { bucketStart } from '../../semantics/buckets';
import { compareIds } from '../../semantics/ids';
import { inTimeRange } from '../../semantics/time-range';
import type { TimeRange } from '../../store/common';
import { ScoreAccumulator } from '../../store/score-accumulator';
import type { ResolvedScoreDetailParams } from '../../store/score-checks';
import type {
  ScoreBreakdown,
  ScoreDetail,
  ScoreSummary,
  SessionScoreMean,
} from '../../store/scores';
import type { DerivedData, ScoreFactOf } from './derive';
import { seriesBuckets } from './series';

/** The scores whose timestamp is in range. */
function scoresInRange(derived: DerivedData, range: TimeRange | undefined): ScoreFactOf[] {
  return derived.scores.filter((fact) => inTimeRange(fact.record.timestamp, range));
}

/** Exact statistics of some scores (the reference keeps every value). */
function accumulate(records: Iterable<ScoreRecord>): ScoreAccumulator {
  const accumulator = new ScoreAccumulator(true);
  for (const record of records) accumulator.add(record);
  return accumulator;
}

/** Every score name in range, by name. */
export function listScores(derived: DerivedData, range: TimeRange | undefined): ScoreSummary[] {
  const byName = new Map<string, ScoreRecord[]>();
  for (const { record } of scoresInRange(derived, range)) push(byName, record.name, record);
  return [...byName.keys()]
    .sort(compareIds)
    .flatMap((name) => accumulate(byName.get(name) ?? []).summary(name) ?? []);
}

/** One score name in depth; null when it has no score in range. */
export function scoreDetail(
  derived: DerivedData,
  params: ResolvedScoreDetailParams,
): ScoreDetail | null {
  const facts = scoresInRange(derived, params.range).filter((f) => f.record.name === params.name);
  const all = accumulate(facts.map((fact) => fact.record));
  const summary = all.summary(params.name);
  if (!summary) return null;
  const times = facts.map((fact) => fact.record.timestamp);
  const byBucket = new Map<EpochMs, ScoreRecord[]>();
  for (const fact of facts) {
    push(byBucket, bucketStart(fact.record.timestamp, params.bucket, params.timeZone), fact.record);
  }
  const series = seriesBuckets(params.range, times, params.bucket, params.timeZone).map((start) => {
    const { count, mean, values } = accumulate(byBucket.get(start) ?? []).stats();
    return { bucketStart: start, count, mean, values };
  });
  return {
    summary,
    series,
    histogram: all.histogram(),
    byAgent: breakdown(facts, (fact) => fact.agent),
    byModel: breakdown(facts, (fact) => fact.model),
    lowestSessions: lowestSessions(facts, params.lowestSessionsLimit),
  };
}

function breakdown(
  facts: readonly ScoreFactOf[],
  keyOf: (fact: ScoreFactOf) => string | null,
): ScoreBreakdown[] {
  const byKey = new Map<string, ScoreRecord[]>();
  for (const fact of facts) {
    const key = keyOf(fact);
    if (key !== null) push(byKey, key, fact.record);
  }
  return [...byKey]
    .map(([key, records]) => {
      const { count, mean } = accumulate(records).stats();
      return { key, count, mean };
    })
    .sort((a, b) => b.count - a.count || compareIds(a.key, b.key));
}

function lowestSessions(facts: readonly ScoreFactOf[], limit: number): SessionScoreMean[] {
  const bySession = new Map<string, ScoreRecord[]>();
  for (const fact of facts) {
    if (fact.sessionId !== null && fact.record.value !== null) {
      push(bySession, fact.sessionId, fact.record);
    }
  }
  return [...bySession]
    .map(([sessionId, records]) => {
      const { count, mean } = accumulate(records).stats();
      return { sessionId, count, mean: mean as number };
    })
    .sort((a, b) => a.mean - b.mean || compareIds(a.sessionId, b.sessionId))
    .slice(0, limit);
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
