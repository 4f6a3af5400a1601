import type { JsonObject } from '../serialize/legacy';
import { ActiveFault } from './active-fault';
import { breakRecord } from './break-record';
import type { FaultKind, FaultSpec } from './types';

/** The request-level faults that hit one request. */
export interface RequestFaults {
  /** Extra delay in milliseconds from `slow` faults. */
  delayMs: number;
  /** The fault that replaces the answer, if any. */
  terminal: FaultSpec | null;
  kinds: FaultKind[];
}

/**
 * Injected faults, applied deterministically in injection order.
 *
 * @example
 * sim.faults.inject({ kind: 'server_error', status: 502, count: 2 });
 * sim.faults.clear();
 */
export class FaultController {
  private faults: ActiveFault[] = [];
  private readonly broken = new Map<string, 0 | 1>();

  /** Adds a fault; see {@link FaultSpec} for the kinds and their options. */
  inject(spec: FaultSpec): void {
    this.faults.push(new ActiveFault(spec));
  }

  /** Removes every fault and forgets the broken records (they are served intact again). */
  clear(): void {
    this.faults = [];
    this.broken.clear();
  }

  /** The faults still active. */
  active(): FaultSpec[] {
    return this.faults.map((fault) => fault.spec);
  }

  /** Ids of the records served broken so far (until `clear()`). */
  get malformedIds(): ReadonlySet<string> {
    return new Set(this.broken.keys());
  }

  /** @internal Decides the request-level faults of one request and spends their budgets. */
  forRequest(pathname: string): RequestFaults {
    const result: RequestFaults = { delayMs: 0, terminal: null, kinds: [] };
    for (const fault of this.faults) {
      const { spec } = fault;
      // Record- and page-level faults are decided while the answer is built, not here.
      if (spec.kind === 'malformed' || spec.kind === 'repeat_cursor') continue;
      if (!fault.appliesTo(pathname)) continue;
      if (spec.kind !== 'slow' && result.terminal !== null) continue;
      if (!fault.fire()) continue;
      result.kinds.push(spec.kind);
      if (spec.kind === 'slow') result.delayMs += spec.delayMs ?? 1000;
      else result.terminal = spec;
    }
    this.faults = this.faults.filter((f) => !f.exhausted || f.spec.kind === 'malformed');
    return result;
  }

  /**
   * @internal Whether the cursor page answering a request to `pathname` sends the request's own
   * cursor back; spends the budget of the first `repeat_cursor` fault that fires.
   */
  repeatsCursor(pathname: string): boolean {
    return this.faults.some(
      (fault) => fault.spec.kind === 'repeat_cursor' && fault.appliesTo(pathname) && fault.fire(),
    );
  }

  /**
   * @internal A presenter for the records of one response, and whether it broke any. Broken ids
   * stay broken on every later response while malformed faults are active.
   */
  presenter(pathname: string): {
    present: (row: JsonObject, id: string) => JsonObject;
    used: () => boolean;
  } {
    const malformed = this.faults.filter(
      (f) => f.spec.kind === 'malformed' && f.appliesTo(pathname),
    );
    let used = false;
    const present = (row: JsonObject, id: string): JsonObject => {
      if (malformed.length === 0) return row;
      let mode = this.broken.get(id);
      if (mode === undefined && malformed.some((fault) => this.hits(fault, id))) {
        mode = (this.broken.size % 2) as 0 | 1;
        this.broken.set(id, mode);
      }
      if (mode === undefined) return row;
      used = true;
      return breakRecord(row, mode);
    };
    return { present, used: () => used };
  }

  private hits(fault: ActiveFault, id: string): boolean {
    const { spec } = fault;
    if (spec.kind === 'malformed' && spec.ids !== undefined) {
      return spec.ids.includes(id) && fault.fire();
    }
    return fault.fire();
  }
}
