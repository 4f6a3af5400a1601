import { describe, expect, it } from 'vitest';
import { createMemoryStore, isDashboardError, LiveEvents } from '../../src/index';
import { smallDataset } from '../sync/support/dataset';
import { setupSync } from '../sync/support/setup-sync';

interface Parsed {
  event: string;
  id?: string;
  data: Record<string, unknown>;
}

/** Reads one stream's frames as they come; `next(name)` waits for the next event of that name. */
function reader(stream: AsyncIterable<string>) {
  const iterator = stream[Symbol.asyncIterator]();
  const seen: Parsed[] = [];
  const parse = (chunk: string): Parsed | null => {
    const fields = new Map<string, string>();
    for (const line of chunk.trim().split('\n')) {
      const colon = line.indexOf(':');
      if (colon > 0) fields.set(line.slice(0, colon), line.slice(colon + 1).trim());
    }
    const event = fields.get('event');
    if (event === undefined) return null; // the opening: retry and a comment
    return { event, id: fields.get('id'), data: JSON.parse(fields.get('data') ?? 'null') };
  };
  return {
    seen,
    async next(name: string): Promise<Parsed> {
      for (;;) {
        const { done, value } = await iterator.next();
        if (done) throw new Error(`stream ended before a ${name} event`);
        const parsed = parse(value);
        if (parsed === null) continue;
        seen.push(parsed);
        if (parsed.event === name) return parsed;
      }
    },
    async end(): Promise<string[]> {
      const rest: string[] = [];
      for (let step = await iterator.next(); !step.done; step = await iterator.next()) {
        const parsed = parse(step.value);
        if (parsed) rest.push(parsed.event);
      }
      return rest;
    },
    stop: () => iterator.return?.(),
  };
}

describe('LiveEvents', () => {
  it('opens with ready, then reports a run: sync, progress, data, sync', async () => {
    const { dataset, end } = smallDataset();
    const { store, sync } = setupSync(dataset, { pageSize: 50, now: () => end });
    const events = new LiveEvents({ store, sync, now: () => end });
    const client = reader(await events.open());
    const ready = await client.next('ready');
    expect(ready.data).toMatchObject({ resumed: false, heartbeat_ms: 15_000 });
    expect(ready.data.sync).toMatchObject({ configured: true, status: 'idle', running: false });
    expect(ready.id).toMatch(/^[a-z0-9]+-0$/);
    const before = ready.data.data_version;

    const run = sync.sync();
    const started = await client.next('sync');
    expect(started.data).toMatchObject({ running: true });
    const progress = await client.next('progress');
    expect(progress.data).toMatchObject({ phase: expect.any(String), pages: expect.any(Number) });
    const data = await client.next('data');
    expect(data.data.data_version).not.toBe(before);
    expect(data.data.data_version).toEqual(expect.any(String));
    await run;
    let finished = await client.next('sync');
    while (finished.data.running === true) finished = await client.next('sync');
    expect(finished.data).toMatchObject({ status: 'success', running: false });
    // Every event but ready carries the next id of this stream.
    const ids = client.seen
      .filter((e) => e.event !== 'ready')
      .map((e) => Number(e.id?.split('-')[1]));
    expect(ids).toEqual(ids.map((_, index) => index + 1));
    await client.stop();
    expect(events.clients).toBe(0);
    events.close();
  });

  it('replays what a client missed after its Last-Event-ID, and refuses ids it cannot resume', async () => {
    const { dataset, end } = smallDataset();
    const { store, sync } = setupSync(dataset, { pageSize: 40, now: () => end });
    const live = new LiveEvents({ store, sync, now: () => end }, { replay: 3 });
    const first = reader(await live.open());
    const { id } = await first.next('ready');
    await first.stop();
    await sync.sync(); // at least started, progress, finished: more than the replay keeps
    const tooOld = reader(await live.open(id));
    expect((await tooOld.next('ready')).data.resumed).toBe(false);
    await tooOld.stop();

    const again = reader(await live.open());
    const mark = (await again.next('ready')).id;
    await again.stop();
    await store.saveSyncState({ status: 'success' }); // another writer: seen at the heartbeat
    (live as unknown as { heartbeat(): void }).heartbeat();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const resumed = reader(await live.open(mark));
    const ready = await resumed.next('ready');
    expect(ready.data.resumed).toBe(true);
    expect(ready.id).toBeUndefined();
    const missed = await resumed.next('data');
    expect(missed.data.data_version).toBe(await store.getDataVersion());
    await resumed.stop();

    for (const foreign of ['other-1', 'garbage', `${mark?.split('-')[0]}-999`]) {
      const client = reader(await live.open(foreign));
      expect((await client.next('ready')).data.resumed).toBe(false);
      await client.stop();
    }
    live.close();
  });

  it('serves at most maxClients, and closes every stream with closing on close()', async () => {
    const live = new LiveEvents(
      { store: createMemoryStore(), sync: null, now: Date.now },
      { maxClients: 2 },
    );
    const a = reader(await live.open());
    const b = reader(await live.open());
    await a.next('ready');
    await b.next('ready');
    const full = await live.open().catch((error: unknown) => error);
    expect(isDashboardError(full, 'EVENTS_FULL')).toBe(true);
    await b.stop();
    expect(live.clients).toBe(1);
    const c = reader(await live.open());
    await c.next('ready');
    live.close();
    expect(await a.end()).toEqual(['closing']);
    expect(await c.end()).toEqual(['closing']);
    expect(live.clients).toBe(0);
    const closed = await live.open().catch((error: unknown) => error);
    expect(isDashboardError(closed, 'EVENTS_CLOSED')).toBe(true);
  });

  it('sends heartbeats while clients listen', async () => {
    const live = new LiveEvents(
      { store: createMemoryStore(), sync: null, now: Date.now },
      { heartbeatMs: 10 },
    );
    const client = reader(await live.open());
    const beat = await client.next('heartbeat');
    expect(beat.id).toBeUndefined();
    expect(Date.parse(String(beat.data.time))).not.toBeNaN();
    live.close();
  });

  it('rejects options that are not positive integers', () => {
    const store = createMemoryStore();
    expect(() => new LiveEvents({ store, sync: null, now: Date.now }, { maxClients: 0 })).toThrow(
      /events.maxClients must be a positive integer/,
    );
  });
});
