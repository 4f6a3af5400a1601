import { formatCompact, formatCost, formatMs } from '../lib/format';
import { Chart } from './chart';

/** The charts the overview and an agent share, over one series of bucket start times. */
interface SeriesProps {
  bucket: string;
  times: string[];
}

export function CallsChart({
  bucket,
  times,
  calls,
  errors,
}: SeriesProps & { calls: number[]; errors: number[] }) {
  return (
    <Chart
      title={`LLM calls and errors per ${bucket}`}
      times={times}
      series={[
        { label: 'Calls', values: calls, color: '--series-2', format: formatCompact },
        { label: 'Errors', values: errors, color: '--series-bad' },
      ]}
    />
  );
}

export function CostChart({ bucket, times, cost }: SeriesProps & { cost: number[] }) {
  return (
    <Chart
      title={`Cost per ${bucket}`}
      times={times}
      series={[{ label: 'Cost', values: cost, color: '--series-1', format: formatCost }]}
    />
  );
}

/** Latency lines in ms, e.g. `{ p50: [...], p95: [...] }`; colours in order. */
export function LatencyChart({
  bucket,
  times,
  title,
  lines,
}: SeriesProps & { title: string; lines: Record<string, (number | null)[]> }) {
  const colors = ['--series-3', '--series-4'];
  return (
    <Chart
      title={`${title} per ${bucket}`}
      times={times}
      series={Object.entries(lines).map(([label, values], index) => ({
        label,
        values,
        color: colors[index % colors.length] ?? '--series-3',
        format: formatMs,
      }))}
    />
  );
}
