import type { SyncProgress } from '../store/sync-state';

/**
 * Fans progress updates out to listeners; a throwing listener is ignored so it cannot break a
 * run.
 *
 * @example
 * const hub = new ProgressHub();
 * const off = hub.add((p) => console.log(p.phase, p.pages));
 * hub.emit({ phase: 'observations', pages: 1, records: 1000, updatedAt: Date.now() });
 * off();
 */
export class ProgressHub {
  private readonly listeners = new Set<(progress: SyncProgress) => void>();

  add(listener: (progress: SyncProgress) => void): () => void {
    const entry = (progress: SyncProgress) => listener(progress);
    this.listeners.add(entry);
    return () => {
      this.listeners.delete(entry);
    };
  }

  emit(progress: SyncProgress): void {
    for (const listener of this.listeners) {
      try {
        listener({ ...progress });
      } catch {
        // A listener's failure is its own; the sync goes on.
      }
    }
  }
}
