import { seededRandom } from './random';
import type { FaultSpec } from './types';

/** An injected fault with its remaining budget and its own random sequence. */
export class ActiveFault {
  private remaining: number;
  private readonly random: (() => number) | null;

  constructor(readonly spec: FaultSpec) {
    const unlimited =
      spec.probability !== undefined || (spec.kind === 'malformed' && spec.ids !== undefined);
    this.remaining = spec.count ?? (unlimited ? Number.POSITIVE_INFINITY : 1);
    this.random = spec.probability === undefined ? null : seededRandom(spec.seed ?? 1);
  }

  /** Whether the fault concerns a request path. */
  appliesTo(pathname: string): boolean {
    const { path } = this.spec;
    if (path === undefined) return true;
    return typeof path === 'string' ? pathname.startsWith(path) : path.test(pathname);
  }

  get exhausted(): boolean {
    return this.remaining <= 0;
  }

  /** Decides whether this candidate is hit, and spends budget when it is. */
  fire(): boolean {
    if (this.remaining <= 0) return false;
    if (this.random !== null && this.random() >= (this.spec.probability ?? 0)) return false;
    this.remaining -= 1;
    return true;
  }
}
