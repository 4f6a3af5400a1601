import { progressToWire } from '../analytics/map-sync';
import { readSyncStatus } from '../analytics/read-sync-status';
import type { EpochMs } from '../domain/records';
import { DashboardError } from '../errors/index';
import type { DataVersion } from '../store/data-version';
import type { DashboardStore } from '../store/store';
import type { SyncService } from '../sync/sync-service';
import { EventChannel } from './channel';
import { eventId, parseEventId } from './event-ids';
import {
  type LiveEventsOptions,
  type ResolvedLiveEventsOptions,
  resolveLiveEventsOptions,
} from './options';
import { type SseFrame, sseFrame, sseOpening } from './sse';

/** What the live events watch. */
export interface LiveEventsSources {
  store: DashboardStore;
  sync: SyncService | null;
  now: () => EpochMs;
}

interface Subscriber {
  channel: EventChannel;
  /** False until its `ready` event and replay are queued; broadcasts skip it until then. */
  live: boolean;
}

/**
 * The dashboard's live event stream, shared by every client of `GET /api/events`: `sync` when a
 * run starts or finishes (the sync status), `progress` per committed page, `data` when the
 * store's data version changed (a sync committed, or another process wrote: it is checked at each
 * page, each run's end and each heartbeat), `heartbeat` every `heartbeatMs`. Events with an id are
 * kept (`replay` of them) so a client reconnecting with `Last-Event-ID` gets what it missed.
 *
 * @example
 * const events = new LiveEvents({ store, sync, now: Date.now });
 * const stream = await events.open(req.headers['last-event-id']); // AsyncIterable<string>
 * for await (const chunk of stream) res.write(chunk);
 * events.close(); // every stream gets `closing` and ends
 */
export class LiveEvents {
  private readonly options: ResolvedLiveEventsOptions;
  /** Names this stream in event ids: a restarted process (or a second dashboard) has another. */
  private readonly stream = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  private readonly subscribers = new Set<Subscriber>();
  private readonly kept: { seq: number; chunk: string }[] = [];
  private seq = 0;
  private version: DataVersion | null = null;
  private checking: Promise<void> | null = null;
  private checkAgain = false;
  private timer: ReturnType<typeof setInterval> | null = null;
  private closed = false;
  private readonly unsubscribe: (() => void)[] = [];

  constructor(
    private readonly sources: LiveEventsSources,
    options?: LiveEventsOptions,
  ) {
    this.options = resolveLiveEventsOptions(options);
    const { sync } = sources;
    if (sync === null) return;
    this.unsubscribe.push(
      sync.onProgress((progress) => {
        this.publish({ event: 'progress', data: progressToWire(progress) });
        this.checkData();
      }),
      sync.onRun((run) => {
        void this.publishSync();
        if (run.type === 'finished') this.checkData();
      }),
    );
  }

  /** Open connections. */
  get clients(): number {
    return this.subscribers.size;
  }

  /**
   * Opens one client's stream: the `retry:` opening, a `ready` event, the events after
   * `lastEventId` when it can be resumed, then live events until the client leaves (`return()`)
   * or {@link close}. Throws `EVENTS_FULL` at `maxClients` connections, `EVENTS_CLOSED` after
   * `close()`, and a store failure as it is (nothing is then left open).
   */
  async open(lastEventId?: string): Promise<AsyncIterable<string>> {
    if (this.closed) {
      throw new DashboardError('EVENTS_CLOSED', 'The dashboard is shutting down');
    }
    if (this.subscribers.size >= this.options.maxClients) {
      throw new DashboardError(
        'EVENTS_FULL',
        `The live event stream serves at most ${this.options.maxClients} clients; try again later`,
      );
    }
    const subscriber: Subscriber = {
      channel: new EventChannel(() => this.leave(subscriber), this.options.maxQueued),
      live: false,
    };
    this.subscribers.add(subscriber);
    this.updateTimer();
    const resumeFrom = this.resumable(parseEventId(lastEventId, this.stream));
    const mark = this.seq;
    try {
      const [dataVersion, sync] = await Promise.all([
        this.sources.store.getDataVersion(),
        readSyncStatus(this.sources.store, this.sources.sync),
      ]);
      this.version ??= dataVersion;
      const { channel } = subscriber;
      channel.push(sseOpening(this.options.retryMs));
      const ready = {
        resumed: resumeFrom !== null,
        data_version: dataVersion,
        sync,
        heartbeat_ms: this.options.heartbeatMs,
      };
      // A fresh client's `ready` stands for the state at `mark`; a resumed one keeps its own id.
      channel.push(
        sseFrame({
          event: 'ready',
          data: ready,
          id: resumeFrom === null ? eventId(this.stream, mark) : undefined,
        }),
      );
      const after = resumeFrom ?? mark;
      for (const event of this.kept) if (event.seq > after) channel.push(event.chunk);
      subscriber.live = true;
      return channel;
    } catch (error) {
      subscriber.channel.return();
      throw error;
    }
  }

  /** Sends `closing` to every client and ends their streams; later `open()` calls throw. Idempotent. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const off of this.unsubscribe) off();
    const farewell = sseFrame({ event: 'closing', data: { reason: 'shutdown' } });
    for (const subscriber of [...this.subscribers]) {
      subscriber.channel.push(farewell);
      subscriber.channel.close();
    }
    this.updateTimer();
  }

  /** The seq to replay after, when `seq` is still covered by the kept events; else null. */
  private resumable(seq: number | null): number | null {
    if (seq === null || seq > this.seq) return null;
    const oldest = this.kept[0]?.seq ?? this.seq + 1;
    return seq >= oldest - 1 ? seq : null;
  }

  private publish(frame: Omit<SseFrame, 'id'>): void {
    if (this.closed) return;
    this.seq += 1;
    const chunk = sseFrame({ ...frame, id: eventId(this.stream, this.seq) });
    this.kept.push({ seq: this.seq, chunk });
    if (this.kept.length > this.options.replay) this.kept.shift();
    this.broadcast(chunk);
  }

  private broadcast(chunk: string): void {
    for (const subscriber of this.subscribers) if (subscriber.live) subscriber.channel.push(chunk);
  }

  private async publishSync(): Promise<void> {
    try {
      const status = await readSyncStatus(this.sources.store, this.sources.sync);
      this.publish({ event: 'sync', data: status });
    } catch {
      // The store is failing; the next run's event or a reconnect's `ready` tells the state.
    }
  }

  /** Compares the data version with the last one seen, one check at a time, and publishes `data`. */
  private checkData(): void {
    if (this.checking) {
      this.checkAgain = true;
      return;
    }
    this.checking = (async () => {
      do {
        this.checkAgain = false;
        try {
          const version = await this.sources.store.getDataVersion();
          const previous = this.version;
          this.version = version;
          if (previous !== null && previous !== version) {
            const time = new Date(this.sources.now()).toISOString();
            this.publish({ event: 'data', data: { data_version: version, time } });
          }
        } catch {
          // A failing store changes nothing a client could fetch; the next check tries again.
        }
      } while (this.checkAgain && !this.closed);
      this.checking = null;
    })();
  }

  private leave(subscriber: Subscriber): void {
    this.subscribers.delete(subscriber);
    this.updateTimer();
  }

  /** Heartbeats run while someone listens; the timer never keeps the process alive. */
  private updateTimer(): void {
    const wanted = this.subscribers.size > 0 && !this.closed;
    if (wanted && this.timer === null) {
      this.timer = setInterval(() => this.heartbeat(), this.options.heartbeatMs);
      this.timer.unref?.();
    } else if (!wanted && this.timer !== null) {
      clearInterval(this.timer);
      this.timer = null;
    }
  }

  private heartbeat(): void {
    const time = new Date(this.sources.now()).toISOString();
    this.broadcast(sseFrame({ event: 'heartbeat', data: { time } }));
    this.checkData();
  }
}
