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
