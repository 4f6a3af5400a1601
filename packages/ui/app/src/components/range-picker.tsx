import { useEffect, useState } from 'preact/hooks';
import { DEFAULT_RANGE, NAMED_RANGES } from '../lib/period';
import { navigate } from '../lib/router';

/**
 * The period control: 24h / 7d / 30d / all, or a custom from–to (dates, UTC). It writes
 * `range` or `from`/`to` into the URL, keeping the page's other parameters.
 */
export function RangePicker({ path, params }: { path: string; params: URLSearchParams }) {
  const custom = params.has('from') || params.has('to');
  const active = custom ? 'custom' : (params.get('range') ?? DEFAULT_RANGE);
  const [from, setFrom] = useState(params.get('from') ?? '');
  const [to, setTo] = useState(params.get('to') ?? '');
  useEffect(() => {
    setFrom(params.get('from') ?? '');
    setTo(params.get('to') ?? '');
  }, [params]);

  const go = (change: (next: URLSearchParams) => void) => {
    const next = new URLSearchParams(params);
    for (const name of ['range', 'from', 'to', 'page']) next.delete(name);
    change(next);
    const query = next.toString();
    navigate(`#/${path}${query ? `?${query}` : ''}`);
  };
  const applyCustom = (event: Event) => {
    event.preventDefault();
    go((next) => {
      if (from) next.set('from', from);
      if (to) next.set('to', to);
    });
  };

  return (
    <div class="range-picker">
      <fieldset class="segmented" aria-label="Time range">
        {NAMED_RANGES.map((range) => (
          <button
            key={range}
            type="button"
            aria-pressed={active === range}
            data-range={range}
            onClick={() => go((next) => next.set('range', range))}
          >
            {range}
          </button>
        ))}
      </fieldset>
      <form class="custom-range" onSubmit={applyCustom}>
        <label>
          From <input type="date" value={from} onInput={(e) => setFrom(e.currentTarget.value)} />
        </label>
        <label>
          To <input type="date" value={to} onInput={(e) => setTo(e.currentTarget.value)} />
        </label>
        <button type="submit" aria-pressed={active === 'custom'} disabled={!from && !to}>
          Apply
        </button>
      </form>
    </div>
  );
}
