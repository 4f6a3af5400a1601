/**
 * Fans values out to listeners, each getting its own shallow copy; a throwing listener is
 * ignored so it cannot break the run that reports.
 *
 * @example
 * const hub = new ListenerHub<{ n: number }>();
 * const off = hub.add((value) => console.log(value.n));
 * hub.emit({ n: 1 });
 * off();
 */
export class ListenerHub<T extends object> {
  private readonly listeners = new Set<(value: T) => void>();

  add(listener: (value: T) => void): () => void {
    const entry = (value: T) => listener(value);
    this.listeners.add(entry);
    return () => {
      this.listeners.delete(entry);
    };
  }

  emit(value: T): void {
    for (const listener of this.listeners) {
      try {
        listener({ ...value });
      } catch {
        // A listener's failure is its own; the sync goes on.
      }
    }
  }
}
