import { describe, expect, it } from 'vitest';
import { createLangfuseSimulator } from '../src/index';
import { get } from './helpers/client';
import { smallWorld } from './helpers/records';

const V2 = '/api/public/v2/observations';

describe('repeat_cursor fault', () => {
  it('sends the request cursor back on the next cursor page, once by default', async () => {
    const sim = createLangfuseSimulator({ dataset: smallWorld() });
    sim.faults.inject({ kind: 'repeat_cursor' });

    // The first page carries no cursor, so it is not a candidate and the fault stays armed.
    const first = await get(sim, `${V2}?limit=2`);
    expect(first.body.data.map((row: { id: string }) => row.id)).toEqual(['o5', 'o4']);
    const cursor: string = first.body.meta.cursor;
    expect(cursor).toEqual(expect.any(String));

    const repeated = await get(sim, `${V2}?limit=2&cursor=${encodeURIComponent(cursor)}`);
    expect(repeated.status).toBe(200);
    // The rows are the real next page; only the cursor fails to advance.
    expect(repeated.body.data.map((row: { id: string }) => row.id)).toEqual(['o3', 'o2']);
    expect(repeated.body.meta.cursor).toBe(cursor);

    const healed = await get(sim, `${V2}?limit=2&cursor=${encodeURIComponent(cursor)}`);
    expect(healed.body.meta.cursor).not.toBe(cursor);
    expect(sim.requests.map((entry) => entry.fault ?? null)).toEqual([
      null,
      ['repeat_cursor'],
      null,
    ]);
    expect(sim.faults.active()).toEqual([]);
  });

  it('gives a last page a cursor too, and leaves other paths alone', async () => {
    const sim = createLangfuseSimulator({ dataset: smallWorld() });
    sim.faults.inject({ kind: 'repeat_cursor', count: 2 });
    const first = await get(sim, `${V2}?limit=4`);
    const cursor: string = first.body.meta.cursor;
    // Only o1 remains: a real last page has no cursor, the faulty one repeats the request's.
    const last = await get(sim, `${V2}?limit=4&cursor=${encodeURIComponent(cursor)}`);
    expect(last.body.data).toHaveLength(1);
    expect(last.body.meta).toEqual({ cursor });
    const traces = await get(sim, `/api/public/traces?cursor=${encodeURIComponent(cursor)}`);
    expect(traces.status).toBe(200);
    expect(sim.requests[2]?.fault).toBeUndefined();
    expect(sim.faults.active()).toEqual([{ kind: 'repeat_cursor', count: 2 }]);
  });
});
