import type { KpiWire } from '@cupid-dashboard/core';

/**
 * One KPI and its change against the previous period of the same length. `goodWhenUp` says
 * which direction is green (cost and errors going up is bad).
 */
export function KpiCard({
  name,
  label,
  kpi,
  format,
  goodWhenUp = true,
}: {
  name: string;
  label: string;
  kpi: KpiWire;
  format: (value: number | null) => string;
  goodWhenUp?: boolean;
}) {
  const pct = kpi.delta_pct;
  const tone = pct === null || pct === 0 ? 'flat' : pct > 0 === goodWhenUp ? 'good' : 'bad';
  return (
    <div class="kpi" data-kpi={name} data-value={kpi.value ?? ''}>
      <span class="kpi-label">{label}</span>
      <span class="kpi-value">{format(kpi.value)}</span>
      <span class={`kpi-delta ${tone}`} data-delta-pct={pct ?? ''}>
        {pct === null
          ? kpi.previous === null
            ? 'no previous period'
            : `was ${format(kpi.previous)}`
          : `${pct > 0 ? '▲' : pct < 0 ? '▼' : '■'} ${Math.abs(pct).toFixed(1)}% vs previous`}
      </span>
    </div>
  );
}
