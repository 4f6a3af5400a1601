import type { ComponentChildren } from 'preact';

export interface Bar {
  key: string;
  label: ComponentChildren;
  value: number;
  display: string;
}

/** Labelled horizontal bars scaled to the largest value (cost by model, chapter funnel). */
export function BarList({ bars, name }: { bars: Bar[]; name: string }) {
  const max = Math.max(0, ...bars.map((bar) => bar.value));
  return (
    <ul class="bar-list" data-list={name}>
      {bars.map((bar) => (
        <li key={bar.key} data-key={bar.key} data-value={bar.value}>
          <span class="bar-label">{bar.label}</span>
          <span class="bar-track" aria-hidden="true">
            <span class="bar-fill" style={{ width: `${max > 0 ? (bar.value / max) * 100 : 0}%` }} />
          </span>
          <span class="bar-value">{bar.display}</span>
        </li>
      ))}
    </ul>
  );
}
