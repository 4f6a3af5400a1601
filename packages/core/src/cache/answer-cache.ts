import { DashboardError } from '../errors/index';

/** Limits of an {@link AnswerCache}. */
export interface AnswerCacheOptions {
  /** Answers kept at most. Default 1000. */
  maxEntries?: number;
  /**
   * Bytes of cached answers kept at most, counted as the UTF-16 size of each answer's JSON and
   * key (what the strings take in memory). Default 32 MiB (33 554 432). An answer larger than this
   * is served but not kept.
   */
  maxBytes?: number;
}

/** One cached answer: what a route answered, serialized once. */
export interface CachedAnswer {
  status: number;
  headers: Readonly<Record<string, string>>;
  /** The body as JSON text. */
  json: string;
}

/** Default {@link AnswerCacheOptions.maxEntries}. */
export const DEFAULT_CACHE_ENTRIES = 1000;
/** Default {@link AnswerCacheOptions.maxBytes}: 32 MiB. */
export const DEFAULT_CACHE_BYTES = 32 * 1024 * 1024;

/**
 * An in-process least-recently-used cache of route answers, bounded by entries and by bytes. Keys
 * carry the data version, so a write never has to invalidate anything: answers of older versions
 * stop being asked for and age out. Throws `DASHBOARD_CONFIG` for a limit that is not a positive
 * integer.
 *
 * @example
 * const cache = new AnswerCache({ maxEntries: 500, maxBytes: 8 * 1024 * 1024 });
 * cache.set(key, { status: 200, headers: {}, json: '{"ok":true}' });
 * cache.get(key)?.json; // '{"ok":true}'
 */
export class AnswerCache {
  readonly maxEntries: number;
  readonly maxBytes: number;
  private readonly entries = new Map<string, { answer: CachedAnswer; bytes: number }>();
  private readonly running = new Map<string, Promise<CachedAnswer>>();
  private used = 0;

  constructor(options: AnswerCacheOptions = {}) {
    this.maxEntries = positiveInteger('maxEntries', options.maxEntries ?? DEFAULT_CACHE_ENTRIES);
    this.maxBytes = positiveInteger('maxBytes', options.maxBytes ?? DEFAULT_CACHE_BYTES);
  }

  /** Answers held now. */
  get size(): number {
    return this.entries.size;
  }

  /** Bytes held now (see {@link AnswerCacheOptions.maxBytes}). */
  get bytes(): number {
    return this.used;
  }

  /** The answer under `key`, now the most recently used; undefined when absent. */
  get(key: string): CachedAnswer | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.answer;
  }

  /** Keeps `answer` under `key`, evicting the least recently used until both limits hold. */
  set(key: string, answer: CachedAnswer): void {
    const bytes = 2 * (key.length + answer.json.length) + ENTRY_OVERHEAD_BYTES;
    this.delete(key);
    if (bytes > this.maxBytes) return;
    this.entries.set(key, { answer, bytes });
    this.used += bytes;
    for (const [oldest] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.used <= this.maxBytes) break;
      this.delete(oldest);
    }
  }

  /**
   * Runs `compute` unless a computation under the same key is already running, in which case its
   * outcome is shared: twenty requests for one uncached answer compute it once.
   *
   * @example
   * const answer = await cache.shared(key, () => computeAnswer());
   */
  shared(key: string, compute: () => Promise<CachedAnswer>): Promise<CachedAnswer> {
    const running = this.running.get(key);
    if (running !== undefined) return running;
    const started = compute().finally(() => this.running.delete(key));
    this.running.set(key, started);
    return started;
  }

  /** Drops every answer. */
  clear(): void {
    this.entries.clear();
    this.used = 0;
  }

  private delete(key: string): void {
    const entry = this.entries.get(key);
    if (entry === undefined) return;
    this.entries.delete(key);
    this.used -= entry.bytes;
  }
}

// The map entry, the answer object and its headers, roughly: keeps tiny answers from looking free.
const ENTRY_OVERHEAD_BYTES = 256;

function positiveInteger(name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new DashboardError('DASHBOARD_CONFIG', `cache.${name} must be a positive integer`);
  }
  return value;
}
