/** How a session's search text must change after a batch. */
export interface SearchChange {
  /** Re-read every generation of the session (a version was removed or moved away). */
  rebuild: boolean;
  /** Lines to add to the stored text (ignored when rebuilding). */
  lines: Set<string>;
}

/**
 * Collects, per session, whether a batch only added searchable text (the usual case: new
 * generations, late versions that add an output) or may have removed some (a generation moved
 * to another session, or a new version lost text), which needs a rebuild from the stored records.
 */
export class SearchChanges {
  private readonly changes = new Map<string, SearchChange>();

  /** The session gains these lines. */
  append(sessionId: string | null, lines: readonly string[]): void {
    if (sessionId === null || lines.length === 0) return;
    const change = this.entry(sessionId);
    for (const line of lines) change.lines.add(line);
  }

  /** The session's text must be rebuilt. */
  rebuild(sessionId: string | null): void {
    if (sessionId !== null) this.entry(sessionId).rebuild = true;
  }

  get(sessionId: string): SearchChange | undefined {
    return this.changes.get(sessionId);
  }

  private entry(sessionId: string): SearchChange {
    let change = this.changes.get(sessionId);
    if (!change) {
      change = { rebuild: false, lines: new Set() };
      this.changes.set(sessionId, change);
    }
    return change;
  }
}
