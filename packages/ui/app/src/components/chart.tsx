import { useEffect, useRef, useState } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface ChartSeries {
  label: string;
  values: (number | null)[];
  /** A CSS custom property holding the colour, e.g. `--series-1`. */
  color: string;
  format?: (value: number | null) => string;
}

const darkScheme = () => window.matchMedia('(prefers-color-scheme: dark)');

/** Redraws when the OS switches between light and dark: canvas colours are fixed when drawn. */
function useColorScheme(): boolean {
  const [dark, setDark] = useState(() => darkScheme().matches);
  useEffect(() => {
    const query = darkScheme();
    const update = () => setDark(query.matches);
    query.addEventListener('change', update);
    return () => query.removeEventListener('change', update);
  }, []);
  return dark;
}

/**
 * A time-series line chart (uPlot) over bucket start times, as wide as its container. Values
 * are drawn as given; `format` labels the y axis and the legend.
 */
export function Chart({
  title,
  times,
  series,
  height = 200,
}: {
  title: string;
  times: string[];
  series: ChartSeries[];
  height?: number;
}) {
  const box = useRef<HTMLDivElement>(null);
  const dark = useColorScheme();
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const css = getComputedStyle(element);
    const color = (name: string) => css.getPropertyValue(name).trim() || '#888';
    const axisColor = color('--muted');
    const gridColor = color('--grid');
    const format = series[0]?.format ?? ((value: number | null) => String(value ?? ''));
    const axis = {
      stroke: axisColor,
      grid: { stroke: gridColor, width: 1 },
      ticks: { stroke: gridColor, width: 1 },
    };
    const plot = new uPlot(
      {
        width: Math.max(200, element.clientWidth),
        height,
        series: [
          {},
          ...series.map((line) => ({
            label: line.label,
            stroke: color(line.color),
            width: 2,
            value: (_plot: uPlot, value: number | null) => (line.format ?? format)(value),
          })),
        ],
        axes: [
          axis,
          { ...axis, size: 70, values: (_plot: uPlot, ticks: number[]) => ticks.map(format) },
        ],
        cursor: { drag: { x: false, y: false } },
      },
      [times.map((time) => Date.parse(time) / 1000), ...series.map((line) => line.values)],
      element,
    );
    const resize = new ResizeObserver(() => {
      plot.setSize({ width: Math.max(200, element.clientWidth), height });
    });
    resize.observe(element);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [times, series, height, dark]);
  return (
    <figure class="chart">
      <figcaption>{title}</figcaption>
      <div ref={box} class="chart-canvas" role="img" aria-label={title} />
    </figure>
  );
}
