import { isLangfuseError } from '@cupid-dashboard/core';
import { describe, expect, it } from 'vitest';
import { smallWorld } from '../helpers/records';
import { connect } from './helpers/setup';
import { TRANSPORTS } from './helpers/transports';

describe.each(TRANSPORTS)('cursor paging over %s', (_name, transport) => {
  it('stops with LANGFUSE_PAGINATION when the server repeats a cursor, instead of looping', async () => {
    const { sim, client } = await connect(transport, { dataset: smallWorld() });
    sim.faults.inject({ kind: 'repeat_cursor' });

    const seen: string[] = [];
    const error = await (async () => {
      for await (const page of client.paginateObservationsV2({ limit: 2 })) {
        seen.push(...page.data.map((o) => o.id));
      }
    })().catch((e: unknown) => e);

    expect(isLangfuseError(error, 'LANGFUSE_PAGINATION')).toBe(true);
    expect(error).toMatchObject({ path: '/api/public/v2/observations' });
    // Page 1 was yielded; page 2 came back with page 1's cursor and was not.
    expect(seen).toEqual(['o5', 'o4']);
    expect(sim.requests).toHaveLength(2);
    expect(sim.requests[1]?.fault).toEqual(['repeat_cursor']);
    expect(sim.requests[1]?.query.cursor).toBeDefined();
  });

  it('resumes from a saved cursor and reaches the end', async () => {
    const { sim, client } = await connect(transport, { dataset: smallWorld() });
    const first = await client.getObservationsV2({ limit: 2 });
    const rest: string[] = [];
    for await (const page of client.paginateObservationsV2({
      limit: 2,
      cursor: first.cursor ?? undefined,
    })) {
      rest.push(...page.data.map((o) => o.id));
    }
    expect(rest).toEqual(['o3', 'o2', 'o1']);
    expect(sim.requests).toHaveLength(3);
  });
});
