import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** One line of the benchmark table. */
export interface Row {
  figure: string;
  value: number;
  /** How to show the value, when not as a plain number. */
  display?: string;
  target: string;
  baseline?: number;
  baselineLabel?: string;
  ratio?: number;
  pass: boolean;
}

function format(value: number): string {
  return Math.abs(value) >= 100 ? value.toFixed(0) : value.toFixed(2);
}

/** Prints the rows as an aligned text table: figure | value | target | baseline | ratio | pass. */
export function printTable(rows: readonly Row[]): void {
  const cells = [
    ['figure', 'value', 'target', 'baseline', 'ratio', 'pass'],
    ...rows.map((row) => [
      row.figure,
      row.display ?? format(row.value),
      row.target,
      row.baseline === undefined
        ? ''
        : `${format(row.baseline)}${row.baselineLabel ? ` (${row.baselineLabel})` : ''}`,
      row.ratio === undefined ? '' : `${row.ratio.toFixed(3)}×`,
      row.pass ? 'yes' : 'NO',
    ]),
  ];
  const widths =
    cells[0]?.map((_, i) => Math.max(...cells.map((line) => (line[i] ?? '').length))) ?? [];
  for (const [index, line] of cells.entries()) {
    console.log(line.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(' | '));
    if (index === 0) console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  }
}

/** One ingest, the store's or the raw baseline's: milliseconds and observations written. */
export interface IngestRun {
  ms: number;
  observations: number;
}

/**
 * The ingest row (the store's rate beside the raw baseline's, measured in the same run) and its
 * figures for the results file.
 *
 * @param target the lowest store / raw ratio that passes, e.g. 0.6
 */
export function ingestFigures(store: IngestRun, raw: IngestRun, target: number, label?: string) {
  const storeRate = store.observations / (store.ms / 1000);
  const rawRate = raw.observations / (raw.ms / 1000);
  const ratio = storeRate / rawRate;
  const row: Row = {
    figure: 'ingest, rollups included (obs/s)',
    value: storeRate,
    target: `≥ ${target}× raw`,
    baseline: rawRate,
    ...(label === undefined ? {} : { baselineLabel: label }),
    ratio,
    pass: ratio >= target,
  };
  const figures = {
    storeMs: store.ms,
    storeObservationsPerSecond: storeRate,
    rawMs: raw.ms,
    rawObservationsPerSecond: rawRate,
    ratio,
    target,
  };
  return { row, figures };
}

/** A row per query kind: p50 / p95 in milliseconds against the 25 ms p95 target. */
export function queryRows(queries: Record<string, { p50: number; p95: number }>): Row[] {
  return Object.entries(queries).map(([name, { p50, p95 }]) => ({
    figure: `${name} p50 / p95 (ms)`,
    value: p95,
    display: `${p50.toFixed(2)} / ${p95.toFixed(2)}`,
    target: 'p95 ≤ 25 ms',
    pass: p95 <= 25,
  }));
}

/** Writes `results` to `<repo>/bench-results/<name>.json`. */
export function writeResults(name: string, results: unknown): void {
  const dir = resolve(dirname(fileURLToPath(import.meta.url)), '../../..', 'bench-results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${name}.json`), `${JSON.stringify(results, null, 2)}\n`);
  console.log(`results written to bench-results/${name}.json`);
}
