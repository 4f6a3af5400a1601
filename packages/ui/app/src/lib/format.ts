/** Display formats, fixed to en-US so figures read the same in every browser. */
const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });

export const dash = '—';

export function formatCount(value: number | null | undefined): string {
  return value == null ? dash : integer.format(value);
}

export function formatCompact(value: number | null | undefined): string {
  return value == null ? dash : compact.format(value);
}

/** US dollars: cents for a dollar and more, four decimals below. */
export function formatCost(value: number | null | undefined): string {
  if (value == null) return dash;
  const digits = Math.abs(value) >= 1 || value === 0 ? 2 : 4;
  return `$${value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })}`;
}

/** A 0–1 ratio as a percentage. */
export function formatRate(value: number | null | undefined): string {
  return value == null ? dash : `${(value * 100).toFixed(1)}%`;
}

/** Milliseconds as ms, s, min or h. */
export function formatMs(value: number | null | undefined): string {
  if (value == null) return dash;
  if (value < 1000) return `${Math.round(value)} ms`;
  if (value < 60_000) return `${(value / 1000).toFixed(2)} s`;
  if (value < 3_600_000) return `${(value / 60_000).toFixed(1)} min`;
  return `${(value / 3_600_000).toFixed(1)} h`;
}

export function formatTime(iso: string | null | undefined): string {
  if (iso == null) return dash;
  return new Date(iso).toLocaleString('en-US', {
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
}

/** "3 min ago" for a past time, relative to `now` (ms). */
export function formatAgo(iso: string, now: number = Date.now()): string {
  const seconds = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  if (seconds < 60) return `${seconds} s ago`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
  if (seconds < 86_400) return `${Math.floor(seconds / 3600)} h ago`;
  return `${Math.floor(seconds / 86_400)} d ago`;
}
