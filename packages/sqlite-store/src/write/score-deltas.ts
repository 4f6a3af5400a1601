import { bucketStart, scoreRollupKeys } from '@cupid-dashboard/core';
import {
  SCORE_GROUP_COLUMNS,
  type SCORE_ROLLUP_COLUMNS,
  type ScoreGroupKind,
} from '@cupid-dashboard/sql-store';
import type {
  ScoreGroupHourTable,
  ScoreHourTable,
  ScoreTable,
  ScoreValueHourTable,
} from '../db/schema';
import type { Db } from '../db/types';
import { LatencySketch } from '../sketch';
import { writeRollupDeltas } from './rollup-writer';

/** What a score adds to the rollups: the columns of a stored score row they read. */
export type ScoreFactRow = Pick<ScoreTable, (typeof SCORE_ROLLUP_COLUMNS)[number]>;

interface HourDelta {
  bucket: number;
  name: string;
  dataType: string;
  source: string;
  count: number;
  valueCount: number;
  valueSum: number;
  sketch: LatencySketch;
}

interface GroupDelta {
  bucket: number;
  name: string;
  kind: ScoreGroupKind;
  key: string;
  count: number;
  valueCount: number;
  valueSum: number;
}

interface ValueDelta {
  bucket: number;
  name: string;
  value: string;
  count: number;
}

const SEPARATOR = '\u0000';
const HOUR_COLUMNS = [
  'bucket',
  'name',
  'data_type',
  'source',
  'count',
  'value_count',
  'value_sum',
  'bins',
] as const;

/**
 * A batch's changes to the score rollups: every replaced version out (`sign` -1), every final
 * version in (+1), per hour, name, data type and source, per hour, name and value, and per hour,
 * name and the agent or model of the score's observation.
 *
 * @example
 * const deltas = new ScoreDeltas();
 * deltas.apply(storedRow, -1);
 * deltas.apply(newRow, 1);
 * await deltas.write(db);
 */
export class ScoreDeltas {
  readonly hours = new Map<string, HourDelta>();
  readonly values = new Map<string, ValueDelta>();
  readonly groups = new Map<string, GroupDelta>();

  apply(score: ScoreFactRow, sign: 1 | -1): void {
    this.applyHour(score, sign);
    this.applyGroups(score, sign);
  }

  /** Only the by-agent and by-model rollups: a score whose observation changed. */
  applyGroups(score: ScoreFactRow, sign: 1 | -1): void {
    const bucket = bucketStart(score.timestamp, 'hour');
    const { number } = scoreRollupKeys({
      dataType: score.data_type,
      value: score.value,
      stringValue: score.string_value,
    });
    for (const [kind, key] of [
      ['agent', score.agent],
      ['model', score.model],
    ] as const) {
      if (key === null) continue;
      const groupKey = [bucket, score.name, kind, key].join(SEPARATOR);
      const group = this.groups.get(groupKey) ?? {
        bucket,
        name: score.name,
        kind,
        key,
        count: 0,
        valueCount: 0,
        valueSum: 0,
      };
      group.count += sign;
      if (number !== null) {
        group.valueCount += sign;
        group.valueSum += sign * number;
      }
      this.groups.set(groupKey, group);
    }
  }

  private applyHour(score: ScoreFactRow, sign: 1 | -1): void {
    const bucket = bucketStart(score.timestamp, 'hour');
    const key = [bucket, score.name, score.data_type, score.source].join(SEPARATOR);
    let delta = this.hours.get(key);
    if (!delta) {
      delta = {
        bucket,
        name: score.name,
        dataType: score.data_type,
        source: score.source,
        count: 0,
        valueCount: 0,
        valueSum: 0,
        sketch: new LatencySketch(),
      };
      this.hours.set(key, delta);
    }
    const keys = scoreRollupKeys({
      dataType: score.data_type,
      value: score.value,
      stringValue: score.string_value,
    });
    delta.count += sign;
    if (keys.number !== null) {
      delta.valueCount += sign;
      delta.valueSum += sign * keys.number;
    }
    if (keys.sketchIndex !== null) delta.sketch.addIndex(keys.sketchIndex, sign);
    if (keys.countedValue !== null) {
      const valueKey = [bucket, score.name, keys.countedValue].join(SEPARATOR);
      const value = this.values.get(valueKey) ?? {
        bucket,
        name: score.name,
        value: keys.countedValue,
        count: 0,
      };
      value.count += sign;
      this.values.set(valueKey, value);
    }
  }

  /** Adds the deltas to the stored rollup rows (rows left empty are deleted). */
  async write(db: Db): Promise<void> {
    await writeRollupDeltas(
      db,
      { table: 'score_hour', key: HOUR_COLUMNS.slice(0, 4), columns: HOUR_COLUMNS },
      this.hours,
      (row) => [row.bucket, row.name, row.data_type, row.source].join(SEPARATOR),
      addHourDelta,
    );
    await writeRollupDeltas(
      db,
      {
        table: 'score_value_hour',
        key: ['bucket', 'name', 'value'],
        columns: ['bucket', 'name', 'value', 'count'],
      },
      this.values,
      (row) => [row.bucket, row.name, row.value].join(SEPARATOR),
      (row, delta): ScoreValueHourTable | null => {
        const count = (row?.count ?? 0) + delta.count;
        return count > 0 ? { ...delta, count } : null;
      },
    );
    await writeRollupDeltas(
      db,
      {
        table: 'score_group_hour',
        key: SCORE_GROUP_COLUMNS.slice(0, 4),
        columns: SCORE_GROUP_COLUMNS,
      },
      this.groups,
      (row) => [row.bucket, row.name, row.kind, row.key].join(SEPARATOR),
      addGroupDelta,
    );
  }
}

function addGroupDelta(
  row: ScoreGroupHourTable | undefined,
  delta: GroupDelta,
): ScoreGroupHourTable | null {
  const count = (row?.count ?? 0) + delta.count;
  if (count <= 0) return null;
  const valueCount = (row?.value_count ?? 0) + delta.valueCount;
  return {
    bucket: delta.bucket,
    name: delta.name,
    kind: delta.kind,
    key: delta.key,
    count,
    value_count: valueCount,
    value_sum: valueCount === 0 ? 0 : (row?.value_sum ?? 0) + delta.valueSum,
  };
}

function addHourDelta(row: ScoreHourTable | undefined, delta: HourDelta): ScoreHourTable | null {
  const count = (row?.count ?? 0) + delta.count;
  if (count <= 0) return null;
  const sketch = LatencySketch.decode(row?.bins);
  sketch.merge(delta.sketch);
  const valueCount = (row?.value_count ?? 0) + delta.valueCount;
  return {
    bucket: delta.bucket,
    name: delta.name,
    data_type: delta.dataType,
    source: delta.source,
    count,
    value_count: valueCount,
    // Exactly 0 once no number is left, not the float residue of adding and removing.
    value_sum: valueCount === 0 ? 0 : (row?.value_sum ?? 0) + delta.valueSum,
    bins: sketch.encode(),
  };
}
