import type { ObservationRecord, SessionRecord, TraceRecord } from '../../domain/records';
import type { ScoreRecord } from '../../domain/score';
import type { DashboardStore } from '../../store/store';
import { TouchedSet } from '../../store/touched';
import { seededRandom } from '../dataset/prng';
import type { CupidDataset } from '../dataset/types';

function shuffle<T>(items: T[], next: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}

/** Loads a dataset the simple way: everything in order, late updates last, one refresh. */
export async function loadInOrder(store: DashboardStore, dataset: CupidDataset): Promise<void> {
  await store.upsert({
    sessions: dataset.sessions,
    traces: dataset.traces,
    observations: dataset.observations,
    scores: dataset.scores,
  });
  if (dataset.lateUpdates.length > 0 || dataset.lateScores.length > 0) {
    await store.upsert({ observations: dataset.lateUpdates, scores: dataset.lateScores });
  }
  await store.refresh();
}

type Item =
  | { kind: 'session'; record: SessionRecord }
  | { kind: 'trace'; record: TraceRecord }
  | { kind: 'observation'; record: ObservationRecord }
  | { kind: 'score'; record: ScoreRecord };

/**
 * Loads a dataset the way a flaky sync delivers it: shuffled across entities (observations before
 * their traces), in uneven batches, some records twice, late versions interleaved, first versions
 * of late records delivered again after their late version (stale, must be skipped), scores
 * before their traces and overwritten scores after their first version, and a refresh
 * after some batches with exactly the keys those batches touched. The end state must equal
 * {@link loadInOrder}'s.
 */
export async function loadShuffled(
  store: DashboardStore,
  dataset: CupidDataset,
  seed: number,
): Promise<void> {
  const next = seededRandom(seed);
  const items: Item[] = [
    ...dataset.sessions.map((record) => ({ kind: 'session' as const, record })),
    ...dataset.traces.map((record) => ({ kind: 'trace' as const, record })),
    ...dataset.observations.map((record) => ({ kind: 'observation' as const, record })),
    ...dataset.scores.map((record) => ({ kind: 'score' as const, record })),
  ];
  // Re-deliveries of unchanged records: harmless whatever their updatedAt.
  const duplicates = items.filter(() => next() < 0.1);
  shuffle(items, next).push(...duplicates);
  shuffle(items, next);
  // Late versions go in after their first version; stale first versions come again afterwards.
  const firstVersions = new Map(dataset.observations.map((o) => [o.id, o]));
  for (const late of dataset.lateUpdates) {
    const firstIndex = items.findIndex(
      (item) => item.kind === 'observation' && item.record.id === late.id,
    );
    const at = firstIndex + 1 + Math.floor(next() * (items.length - firstIndex));
    items.splice(at, 0, { kind: 'observation', record: late });
    const stale = firstVersions.get(late.id);
    if (stale && next() < 0.5) items.splice(at + 1, 0, { kind: 'observation', record: stale });
  }
  // Late scores and overwrites likewise: after any first version, the stale one again sometimes.
  const firstScores = new Map(dataset.scores.map((s) => [s.id, s]));
  for (const late of dataset.lateScores) {
    const firstIndex = items.findIndex(
      (item) => item.kind === 'score' && item.record.id === late.id,
    );
    const at = firstIndex + 1 + Math.floor(next() * (items.length - firstIndex));
    items.splice(at, 0, { kind: 'score', record: late });
    const stale = firstScores.get(late.id);
    if (stale && next() < 0.5) items.splice(at + 1, 0, { kind: 'score', record: stale });
  }

  let pending = new TouchedSet();
  for (let start = 0; start < items.length; ) {
    const size = 1 + Math.floor(next() * 700);
    const batch = items.slice(start, start + size);
    start += size;
    const result = await store.upsert({
      sessions: batch.flatMap((item) => (item.kind === 'session' ? [item.record] : [])),
      traces: batch.flatMap((item) => (item.kind === 'trace' ? [item.record] : [])),
      observations: batch.flatMap((item) => (item.kind === 'observation' ? [item.record] : [])),
      scores: batch.flatMap((item) => (item.kind === 'score' ? [item.record] : [])),
    });
    pending.addAll(result.touched);
    if (next() < 0.3) {
      await store.refresh(pending.toKeys());
      pending = new TouchedSet();
    }
  }
  await store.refresh(pending.toKeys());
}
